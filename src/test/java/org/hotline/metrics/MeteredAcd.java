package org.hotline.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.acd.AcdActions;
import org.hotline.acd.AcdEngine;
import org.hotline.acd.AcdSetup;
import org.hotline.acd.AgentProfile;
import org.hotline.acd.NotServedReason;
import org.hotline.acd.QueuePolicy;
import org.hotline.acd.ServiceLevel;
import org.hotline.acd.runtime.AcdEventRouter;
import org.hotline.acd.AcdEventListener;

/**
 * The real {@link AcdEngine} on a manual clock, its events going through the ACD's router into the
 * metrics exactly as the composition root wires them; offers are recorded so a script can answer
 * them. One queue, {@link #QUEUE}: 80 % within 20 s, wrap-up 10 s, 5 minutes' maximum wait.
 */
final class MeteredAcd {

    static final String QUEUE = "general";
    static final Duration THRESHOLD = Duration.ofSeconds(20);
    static final Duration WRAP_UP = Duration.ofSeconds(10);
    static final Instant START = Instant.parse("2026-03-10T02:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final HotlineMetrics metrics;
    final AcdEngine engine;
    /** The agent each caller was last offered to. */
    final Map<String, String> offeredTo = new LinkedHashMap<>();

    MeteredAcd(Duration shortAbandonThreshold, int agents) {
        MetricsSettings settings = new MetricsSettings(
                List.of(new QueueTarget(QUEUE, THRESHOLD, 80, 90, QueuePolicy.DEFAULT_MAX_WAIT)), shortAbandonThreshold);
        metrics = HotlineMetrics.create(settings, clock);
        QueuePolicy queue = QueuePolicy.builder(QUEUE).wrapUp(WRAP_UP)
                .serviceLevel(new ServiceLevel(THRESHOLD, 80)).build();
        List<AgentProfile> profiles = new ArrayList<>();
        for (int i = 1; i <= agents; i++) {
            profiles.add(AgentProfile.of(agent(i), "Agent " + i, QUEUE));
        }
        AcdEventListener events = metrics.acdEvents(new AcdEventRouter(metrics.callEvents(), AcdEventListener.NONE));
        engine = new AcdEngine(new AcdSetup(List.of(queue), profiles, ZoneId.of("Asia/Shanghai")), clock,
                new RecordedOffers(), events);
    }

    static String agent(int number) {
        return Integer.toString(1000 + number);
    }

    /** Every agent logs in and at once goes not ready, so callers wait until the script frees one. */
    MeteredAcd allNotReady(int agents) {
        for (int i = 1; i <= agents; i++) {
            engine.login(agent(i));
            engine.notReady(agent(i), "script");
        }
        return this;
    }

    /** The agent becomes available, is offered the caller first in turn, and answers. Returns that caller. */
    String freeAgentAnswers(String workNumber) {
        engine.available(workNumber);
        String caller = offeredTo.entrySet().stream().filter(offer -> offer.getValue().equals(workNumber))
                .map(Map.Entry::getKey).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no caller was offered to " + workNumber));
        offeredTo.remove(caller);
        engine.offerAnswered(caller, workNumber);
        return caller;
    }

    Exposition scrape() {
        return Exposition.parse(((PrometheusMeterRegistry) metrics.catalog().registry()).scrape());
    }

    private final class RecordedOffers implements AcdActions {
        @Override
        public void offer(String callId, String queue, List<String> agents) {
            offeredTo.put(callId, agents.getFirst());
        }

        @Override
        public void cancelOffers(String callId, List<String> agents) {
        }

        @Override
        public void rejectAnswer(String callId, String agent) {
        }

        @Override
        public void connect(String callId, String agent, Duration waited) {
        }

        @Override
        public void announce(String callId, int position, Optional<Duration> expectedWait) {
        }

        @Override
        public void overflowed(String callId, String toQueue) {
        }

        @Override
        public void notServed(String callId, NotServedReason reason) {
        }
    }
}
