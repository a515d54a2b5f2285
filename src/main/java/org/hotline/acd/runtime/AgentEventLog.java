package org.hotline.acd.runtime;

import org.hotline.acd.AcdEvent;
import org.hotline.acd.AcdEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the ACD's agent events as structured log lines on {@code org.hotline.agents}, keyed by
 * {@code agent} (and {@code callId} where a call is concerned): status and state changes, refused
 * status requests (rule R17), and the rule R16/R17 alerts at WARN so a supervisor's log watch sees
 * them. Stateless; any thread.
 */
public final class AgentEventLog implements AcdEventListener {

    private static final Logger log = LoggerFactory.getLogger("org.hotline.agents");

    @Override
    public void onEvent(AcdEvent event) {
        switch (event) {
            case AcdEvent.RuleAlert e -> log.atWarn().addKeyValue("agent", e.agent()).addKeyValue("rule", e.rule())
                    .addKeyValue("elapsed", e.elapsed()).log("agent rule limit reached");
            case AcdEvent.AgentStatusChanged e -> log.atInfo().addKeyValue("agent", e.agent()).addKeyValue("from", e.from())
                    .addKeyValue("to", e.to()).addKeyValue("reason", e.reason()).log("agent status changed");
            case AcdEvent.AgentStateChanged e -> log.atDebug().addKeyValue("agent", e.agent()).addKeyValue("from", e.from())
                    .addKeyValue("to", e.to()).log("agent state changed");
            case AcdEvent.StatusRequestRefused e -> log.atInfo().addKeyValue("agent", e.agent())
                    .addKeyValue("requested", e.requested()).addKeyValue("refusal", e.reason()).log("status request refused");
            case AcdEvent.OfferCancelled e -> log.atDebug().addKeyValue("callId", e.callId()).addKeyValue("agent", e.agent())
                    .addKeyValue("cause", e.cause()).log("offer cancelled");
            case AcdEvent.LateAnswerRejected e -> log.atInfo().addKeyValue("callId", e.callId())
                    .addKeyValue("agent", e.agent()).log("late answer rejected; the leg is hung up");
            case AcdEvent.CallHeld e -> log.atDebug().addKeyValue("callId", e.callId()).addKeyValue("agent", e.agent())
                    .log("agent holds the caller");
            case AcdEvent.CallResumed e -> log.atDebug().addKeyValue("callId", e.callId()).addKeyValue("agent", e.agent())
                    .log("agent resumed the caller");
            default -> log.atDebug().addKeyValue("event", event.getClass().getSimpleName()).log("{}", event);
        }
    }
}
