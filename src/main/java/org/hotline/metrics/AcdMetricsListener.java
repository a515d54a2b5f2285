package org.hotline.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hotline.acd.AcdEvent;
import org.hotline.acd.AcdEventListener;
import org.hotline.acd.AgentRules;
import org.hotline.acd.AgentState;
import org.hotline.acd.AgentStatus;

/**
 * The agents' side of the metrics, from the ACD's own events: talk, hold, wrap-up and handle time of
 * each answered call (handle = talk, holds included, plus wrap-up, recorded when the agent is idle
 * again), rule R16/R17 alerts, refused status requests (R17) and breaks begun (R17 requested, R18
 * imposed). Agents' current status and state are gauges read from the ACD's snapshot instead
 * ({@link AcdGauges}).
 *
 * <p>Threading: the {@code acd} thread only (the engine emits every event there, in order), so the
 * table of agents' calls in progress is a plain map.
 */
public final class AcdMetricsListener implements AcdEventListener {

    private final MetricsCatalog catalog;
    private final Map<String, Engagement> calls = new HashMap<>();

    public AcdMetricsListener(MetricsCatalog catalog) {
        this.catalog = catalog;
    }

    /** An agent's answered call, from connect until the agent is idle again. */
    private static final class Engagement {
        private final String queue;
        private Instant holdSince;
        private Duration talked;
        private Instant endedAt;

        private Engagement(String queue) {
            this.queue = queue;
        }
    }

    @Override
    public void onEvent(AcdEvent event) {
        switch (event) {
            case AcdEvent.CallerConnected e -> calls.put(e.agent(), new Engagement(e.queue()));
            case AcdEvent.CallHeld e -> engagement(e.agent(), e.at(), false);
            case AcdEvent.CallResumed e -> engagement(e.agent(), e.at(), true);
            case AcdEvent.CallCompleted e -> completed(e);
            case AcdEvent.AgentStateChanged e -> stateChanged(e);
            case AcdEvent.AgentStatusChanged e -> statusChanged(e);
            case AcdEvent.RuleAlert e -> catalog.agentRuleAlert(
                    e.rule() == AcdEvent.AlertRule.R16_NOT_READY_TOO_LONG ? "R16" : "R17");
            case AcdEvent.StatusRequestRefused e -> catalog.agentStatusRefused(e.requested().name(), e.reason().name());
            default -> {
                // callers' steps: counted from the call events by CallMetricsListener
            }
        }
    }

    /** A hold starts, or ends with {@code resumed}. */
    private void engagement(String agent, Instant at, boolean resumed) {
        Engagement call = calls.get(agent);
        if (call == null) {
            return;
        }
        if (resumed) {
            endHold(call, at);
        } else if (call.holdSince == null) {
            call.holdSince = at;
        }
    }

    private void completed(AcdEvent.CallCompleted event) {
        Engagement call = calls.get(event.agent());
        if (call == null) {
            return;
        }
        endHold(call, event.at());
        call.talked = event.talked();
        call.endedAt = event.at();
        catalog.agentTalk(call.queue, event.talked());
    }

    /** Idle again after a call: the wrap-up (if the queue has one) is over and the call is handled. */
    private void stateChanged(AcdEvent.AgentStateChanged event) {
        if (event.to() != AgentState.IDLE) {
            return;
        }
        Engagement call = calls.get(event.agent());
        if (call == null || call.talked == null) {
            return;
        }
        calls.remove(event.agent());
        Duration wrapUp = event.from() == AgentState.WRAP_UP
                ? Duration.between(call.endedAt, event.at())
                : Duration.ZERO;
        catalog.agentCallHandled(call.queue, call.talked, wrapUp);
    }

    private void statusChanged(AcdEvent.AgentStatusChanged event) {
        if (event.to() == AgentStatus.ON_BREAK) {
            catalog.agentBreak(AgentRules.R18_FATIGUE_BREAK_REASON.equals(event.reason()) ? "fatigue" : "requested");
        }
    }

    private void endHold(Engagement call, Instant at) {
        if (call.holdSince != null) {
            catalog.agentHold(call.queue, Duration.between(call.holdSince, at));
            call.holdSince = null;
        }
    }
}
