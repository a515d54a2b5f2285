package org.hotline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;
import org.junit.jupiter.api.Test;

/**
 * Rule R12's callbacks in the metrics: the caller who asks for one leaves with outcome callback
 * (never an abandon), and the callback itself counts as attempts and one end (completed or
 * gave_up), never as answered stays of the queue.
 */
class CallbackMetricsTest {

    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");
    private static final String CALLBACK = "callback-c1";

    private final HotlineMetrics metrics = Fixtures.metrics(Clock.systemUTC());
    private final CallEventListener events = metrics.callEvents();

    @Test
    void aCallbackGivenUpAfterFailedAttemptsIsNeitherAnsweredNorAbandoned() {
        request();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant at = T.plusSeconds(60L * attempt);
            events.onEvent(new CallEvent.AgentConnected(CALLBACK, at, "general", "1001", Duration.ofSeconds(60L * attempt)));
            events.onEvent(new CallEvent.CallbackAttempted(CALLBACK, at.plusSeconds(20), "general", "1001", attempt,
                    "NO_ANSWER"));
            events.onEvent(new CallEvent.AgentCallEnded(CALLBACK, at.plusSeconds(20), "general", "1001", "CALLER",
                    Duration.ofSeconds(20)));
        }
        events.onEvent(new CallEvent.CallbackFinished(CALLBACK, T.plusSeconds(300), "c1", "general", "GAVE_UP", 3));
        events.onEvent(new CallEvent.Ended(CALLBACK, T.plusSeconds(300), EndReason.NOT_SERVED));

        Exposition scrape = Fixtures.scrape(metrics);
        assertEquals(1, queueCalls(scrape, "callback"));
        assertEquals(0, queueCalls(scrape, "answered"), "an attempt's agent connection is not an answered stay");
        assertEquals(0, queueCalls(scrape, "abandoned"));
        assertEquals(3, scrape.value("hotline_callback_attempts_total", "queue", "general", "result", "no_answer"));
        assertEquals(1, scrape.value("hotline_callbacks_total", "queue", "general", "step", "gave_up"));
    }

    @Test
    void aCompletedCallbackAndAMergedRequestCountAsCallbackStepsOnly() {
        request();
        events.onEvent(new CallEvent.CallbackRequested("c2", T.plusSeconds(10), "general", CALLBACK, "13800138000", true,
                Duration.ofSeconds(40)));
        events.onEvent(new CallEvent.AgentConnected(CALLBACK, T.plusSeconds(90), "general", "1001", Duration.ofSeconds(90)));
        events.onEvent(new CallEvent.CallbackAttempted(CALLBACK, T.plusSeconds(100), "general", "1001", 1, "ANSWERED"));
        events.onEvent(new CallEvent.CallbackFinished(CALLBACK, T.plusSeconds(200), "c1", "general", "COMPLETED", 1));

        Exposition scrape = Fixtures.scrape(metrics);
        assertEquals(2, queueCalls(scrape, "callback"), "both callers left their stay as a callback");
        assertEquals(0, queueCalls(scrape, "answered"));
        assertEquals(1, scrape.value("hotline_callbacks_total", "queue", "general", "step", "requested"));
        assertEquals(1, scrape.value("hotline_callbacks_total", "queue", "general", "step", "merged"));
        assertEquals(1, scrape.value("hotline_callbacks_total", "queue", "general", "step", "completed"));
    }

    private void request() {
        events.onEvent(new CallEvent.CallbackOffered("c1", T, "general", Optional.of(Duration.ofMinutes(5))));
        events.onEvent(new CallEvent.CallbackRequested("c1", T, "general", CALLBACK, "13800138000", false,
                Duration.ofSeconds(30)));
    }

    private static double queueCalls(Exposition scrape, String outcome) {
        return scrape.value("hotline_queue_calls_total", "queue", "general", "outcome", outcome);
    }
}
