package org.hotline.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.acd.CallbackTicket;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;

/**
 * The callers' side of the metrics: turns {@link CallEvent}s into the catalog's counters and
 * histograms. Rule R1's answer delay pairs each call's {@code Offered} with its {@code Answered};
 * each stay in a queue ends in exactly one {@link QueueOutcome} (docs/metrics.md: what is offered,
 * answered within X, abandoned or a short abandon).
 *
 * <p>Threading: called on whichever thread caused the event (stack threads, call virtual threads,
 * the {@code acd} thread), several at once; the only state is a concurrent map of calls still
 * ringing, emptied by their answer or their end.
 */
public final class CallMetricsListener implements CallEventListener {

    private final MetricsCatalog catalog;
    private final MetricsSettings settings;
    private final Map<String, Instant> ringingSince = new ConcurrentHashMap<>();

    public CallMetricsListener(MetricsCatalog catalog, MetricsSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public void onEvent(CallEvent event) {
        switch (event) {
            case CallEvent.Offered e -> {
                ringingSince.put(e.callId(), e.at());
                catalog.callOffered(e.front());
            }
            case CallEvent.Answered e -> answered(e);
            case CallEvent.Ended e -> {
                ringingSince.remove(e.callId());
                catalog.callEnded(e.reason());
            }
            case CallEvent.QueueEntered e -> catalog.queueEntered(e.queue());
            case CallEvent.AgentOffered e -> catalog.agentsOffered(e.queue(), e.agents().size());
            case CallEvent.AgentNoAnswer e -> catalog.agentMissedOffer(e.queue());
            case CallEvent.AgentDeclined e -> catalog.agentDeclinedOffer(e.queue());
            case CallEvent.AgentConnected e -> connected(e);
            case CallEvent.QueueAbandoned e -> catalog.queueOutcome(e.queue(), abandoned(e.waited()), e.waited());
            case CallEvent.QueueNotServed e -> catalog.queueOutcome(e.queue(), notServed(e.reason()), e.waited());
            case CallEvent.QueueOverflowed e ->
                    catalog.queueOutcome(e.fromQueue(), QueueOutcome.OVERFLOWED, e.waited());
            case CallEvent.SurveyAnswered e -> catalog.surveyScore(e.queue(), e.score());
            case CallEvent.CallRefused e -> catalog.callRefused(e.treatment()); // rule R20
            case CallEvent.CallbackOffered e -> catalog.callback(e.queue(), "offered"); // rule R12
            case CallEvent.CallbackRequested e -> {
                catalog.queueOutcome(e.queue(), QueueOutcome.CALLBACK, e.waited());
                catalog.callback(e.queue(), e.merged() ? "merged" : "requested");
            }
            case CallEvent.CallbackAttempted e -> catalog.callbackAttempt(e.queue(), e.result());
            case CallEvent.CallbackFinished e -> catalog.callback(e.queue(), e.outcome());
            case CallEvent.MessageLeft e -> catalog.messageLeft(e.endedBy()); // rules R9, R19, R20
            default -> {
                // menu steps, digits, announcements, holds (timed by AcdMetricsListener), transfers: not counted
            }
        }
    }

    /** Rule R1: ringing start to the IVR's 200 OK. */
    private void answered(CallEvent.Answered event) {
        Instant ringing = ringingSince.remove(event.callId());
        if (ringing != null) {
            catalog.ivrAnswered(Duration.between(ringing, event.at()));
        }
    }

    /**
     * A caller's stay ends answered; a callback's agent connection (rule R12) is not a stay's outcome:
     * it is an attempt, counted by its result ({@code CallbackAttempted}), and the callback's end is
     * completed or gave_up ({@code CallbackFinished}), so a callback retried three times is never
     * three answered calls, nor its wait (from the original caller's entry) a service-level sample.
     */
    private void connected(CallEvent.AgentConnected event) {
        if (CallbackTicket.isCallbackId(event.callId())) {
            return;
        }
        catalog.queueOutcome(event.queue(), QueueOutcome.ANSWERED, event.waited());
        boolean within = settings.target(event.queue()).map(target -> target.withinServiceLevel(event.waited()))
                .orElse(false);
        if (within) {
            catalog.queueAnsweredWithinThreshold(event.queue());
        }
    }

    private QueueOutcome abandoned(Duration waited) {
        return settings.shortAbandon(waited) ? QueueOutcome.SHORT_ABANDONED : QueueOutcome.ABANDONED;
    }

    /** The ACD's {@code NotServedReason} names. */
    private static QueueOutcome notServed(String reason) {
        return "NO_AGENT_LOGGED_IN".equals(reason) ? QueueOutcome.NO_AGENTS : QueueOutcome.TIMED_OUT;
    }
}
