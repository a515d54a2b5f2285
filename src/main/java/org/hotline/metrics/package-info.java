/**
 * What operations watch (issue 5): the one catalog of metrics ({@link org.hotline.metrics.MetricsCatalog},
 * on Micrometer's Prometheus registry), the listeners that feed it from the call events, the ACD's
 * events, the SIP front's traffic hook and the RTP engine's closed sessions, the gauges read from
 * a snapshot of the ACD at each scrape, and the health checks behind {@code /health}.
 * {@link org.hotline.metrics.HotlineMetrics} is how the composition root wires them;
 * {@code docs/metrics.md} documents every meter and formula. No other package sees a Micrometer type.
 */
package org.hotline.metrics;
