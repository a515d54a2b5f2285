package org.hotline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ten callers with known outcomes through the real ACD engine on a manual clock, counted as
 * docs/metrics.md says: 6 answered within 20 s (one exactly at X), 2 answered after 30 s, one
 * abandoned at 8 s and one at 50 s. Offered = answered + abandoned (+ timed out + no agents); the
 * service level is answered within X ÷ offered, the answer rate answered ÷ offered; a short abandon
 * counts in neither.
 */
class ScriptedQueueCallsTest {

    private static final String Q = MeteredAcd.QUEUE;
    private static final String CALLS = "hotline_queue_calls_total";
    private static final String WAIT = "hotline_queue_wait_seconds";
    /** When the agents 1001..1008 are freed, seconds after the callers joined: the answered callers' waits. */
    private static final List<Integer> ANSWER_AT = List.of(5, 10, 15, 18, 20, 20, 35, 40);

    @Test
    void tenScriptedCallsGiveTheExactCountersBucketsAnswerRateAndServiceLevel() {
        Exposition scrape = runScript(Duration.ofSeconds(5));

        assertEquals(8, scrape.value(CALLS, "queue", Q, "outcome", "answered"));
        assertEquals(2, scrape.value(CALLS, "queue", Q, "outcome", "abandoned"));
        assertEquals(0, scrape.value(CALLS, "queue", Q, "outcome", "short_abandoned"));
        assertEquals(0, scrape.value(CALLS, "queue", Q, "outcome", "timed_out"));
        assertEquals(6, scrape.value("hotline_queue_answered_within_threshold_total", "queue", Q));
        assertEquals(10, scrape.value("hotline_queue_entered_total", "queue", Q));

        assertEquals(0.8, answerRate(scrape), 1e-12);
        assertEquals(0.6, serviceLevel(scrape), 1e-12);

        // answered waits 5, 10, 15, 18, 20, 20, 35, 40 s; X = 20 s is a bucket, and so is rule R7's 45 s
        assertBuckets(scrape, "answered", new double[] {5, 10, 15, 20, 30, 45, 60}, new double[] {1, 2, 3, 6, 6, 8, 8});
        assertEquals(8, scrape.value(WAIT + "_count", "queue", Q, "outcome", "answered"));
        assertEquals(163, scrape.value(WAIT + "_sum", "queue", Q, "outcome", "answered"), 1e-9);
        // abandons at 8 s and 50 s
        assertBuckets(scrape, "abandoned", new double[] {5, 10, 45, 60}, new double[] {0, 1, 1, 2});
        assertEquals(58, scrape.value(WAIT + "_sum", "queue", Q, "outcome", "abandoned"), 1e-9);
    }

    @Test
    void anAbandonSoonerThanTheShortAbandonThresholdIsNeitherOfferedNorAbandoned() {
        Exposition scrape = runScript(Duration.ofSeconds(10));

        assertEquals(1, scrape.value(CALLS, "queue", Q, "outcome", "abandoned"));
        assertEquals(1, scrape.value(CALLS, "queue", Q, "outcome", "short_abandoned"));
        assertEquals(8.0 / 9, answerRate(scrape), 1e-12);
        assertEquals(6.0 / 9, serviceLevel(scrape), 1e-12);
        assertEquals(1, scrape.value(WAIT + "_bucket", "queue", Q, "outcome", "short_abandoned", "le", "10.0"));
    }

    /**
     * Callers c1..c10 join at 0 s while every agent is not ready; agents 1001..1008 are freed one by one
     * at {@link #ANSWER_AT} and each answers the caller first in turn; c9 hangs up at 8 s, c10 at 50 s.
     */
    private static Exposition runScript(Duration shortAbandonThreshold) {
        MeteredAcd acd = new MeteredAcd(shortAbandonThreshold, ANSWER_AT.size()).allNotReady(ANSWER_AT.size());
        Instant start = acd.clock.instant();
        for (int i = 1; i <= 10; i++) {
            acd.engine.callerJoined("c" + i, Q, 0);
        }
        answerAt(acd, start, 0);
        acd.clock.at(start, 8);
        acd.engine.callerLeft("c9");
        for (int i = 1; i < ANSWER_AT.size(); i++) {
            answerAt(acd, start, i);
        }
        acd.clock.at(start, 50);
        acd.engine.callerLeft("c10");
        return acd.scrape();
    }

    /** At {@code ANSWER_AT[i]} agent 1001+i is freed and answers caller c(i+1), the first in turn. */
    private static void answerAt(MeteredAcd acd, Instant start, int i) {
        acd.clock.at(start, ANSWER_AT.get(i));
        assertEquals("c" + (i + 1), acd.freeAgentAnswers(MeteredAcd.agent(i + 1)), "callers are answered in turn");
    }

    private static double offered(Exposition scrape) {
        return List.of("answered", "abandoned", "timed_out", "no_agents").stream()
                .mapToDouble(outcome -> scrape.value(CALLS, "queue", Q, "outcome", outcome)).sum();
    }

    /** 接通率: answered ÷ offered. */
    private static double answerRate(Exposition scrape) {
        return scrape.value(CALLS, "queue", Q, "outcome", "answered") / offered(scrape);
    }

    /** 服务水平: answered within X ÷ offered. */
    private static double serviceLevel(Exposition scrape) {
        return scrape.value("hotline_queue_answered_within_threshold_total", "queue", Q) / offered(scrape);
    }

    private static void assertBuckets(Exposition scrape, String outcome, double[] bounds, double[] counts) {
        for (int i = 0; i < bounds.length; i++) {
            assertEquals(counts[i], scrape.value(WAIT + "_bucket", "queue", Q, "outcome", outcome, "le", le(bounds[i])),
                    outcome + " waits le " + bounds[i]);
        }
    }

    private static String le(double bound) {
        return Double.toString(bound);
    }
}
