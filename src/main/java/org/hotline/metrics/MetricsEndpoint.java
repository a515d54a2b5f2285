package org.hotline.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.metrics.MetricsCatalog.Meter;

/**
 * What {@code /metrics} and {@code /health} serve: the health of every component (SIP, RTP, the ACD,
 * and any a later issue adds) and the Prometheus text exposition. A scrape first runs the health
 * checks (the ACD's takes the snapshot its gauges read), so {@code hotline_component_up} and the
 * ACD gauges are as fresh as the scrape.
 *
 * <p>Threading: HTTP virtual threads, several at once; the last report is a volatile immutable record.
 */
public final class MetricsEndpoint {

    /** Prometheus's text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final List<HealthCheck> checks;
    private volatile HealthReport lastReport;

    MetricsEndpoint(MetricsCatalog catalog, PrometheusMeterRegistry registry, List<HealthCheck> checks) {
        this.registry = registry;
        this.checks = List.copyOf(checks);
        Map<String, ComponentHealth> unknown = new LinkedHashMap<>();
        this.checks.forEach(check -> unknown.put(check.component(), ComponentHealth.down("not checked yet")));
        this.lastReport = new HealthReport(unknown);
        for (HealthCheck check : this.checks) {
            catalog.gauge(Meter.COMPONENT_UP, Tags.of("component", check.component()),
                    () -> lastReport.components().get(check.component()).up() ? 1 : 0);
        }
    }

    /** Runs every check now. */
    public HealthReport health() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            components.put(check.component(), check.check());
        }
        HealthReport report = new HealthReport(components);
        lastReport = report;
        return report;
    }

    /** Every meter in Prometheus's text format ({@link #CONTENT_TYPE}), after a fresh health check. */
    public String scrape() {
        health();
        return registry.scrape();
    }
}
