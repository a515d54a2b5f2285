package org.hotline.config;

import java.time.Duration;

/**
 * How the metrics count (issue 5, {@code metrics:}); docs/metrics.md gives the formulas.
 *
 * @param shortAbandonThreshold   a caller who hangs up in a queue sooner than this after joining is a
 *                                short abandon: counted on its own, and neither offered nor abandoned
 *                                in the answer rate and the service level; 0s-30s, and below every
 *                                queue's {@code serviceLevel.threshold}; 0s counts every hang-up as an
 *                                abandon; default 5s
 * @param answerRateTargetPercent the answer rate (接通率, SERVICE-STANDARDS.md "The numbers") every
 *                                queue should reach, 1-100; the alert rules compare against it; default 90
 */
public record MetricsConfig(Duration shortAbandonThreshold, int answerRateTargetPercent) {
}
