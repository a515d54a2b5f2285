package org.hotline.acd.runtime;

import java.util.Objects;
import java.util.Optional;
import org.hotline.acd.AcdEvent;
import org.hotline.acd.AcdEventListener;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;

/**
 * Sends each {@link AcdEvent} where it belongs: the steps of a caller's stay (queued, offered, no
 * answer, declined, connected, completed, abandoned, overflowed, not served, R7 announced) become
 * {@link CallEvent}s for the one call-event listener; everything about agents (status and state
 * changes, refused requests, rule R16/R17 alerts) and the details the call record gets elsewhere
 * or does not need (hold and resume, which the caller's thread reports with its hold
 * announcements; cancelled offers; late answers) goes to the agent listener.
 *
 * <p>Called on the ACD executor; both listeners must be fast and must not block (their contracts).
 */
public final class AcdEventRouter implements AcdEventListener {

    private final CallEventListener calls;
    private final AcdEventListener agents;

    public AcdEventRouter(CallEventListener calls, AcdEventListener agents) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.agents = Objects.requireNonNull(agents, "agents");
    }

    @Override
    public void onEvent(AcdEvent event) {
        Optional<CallEvent> callEvent = toCallEvent(event);
        if (callEvent.isPresent()) {
            calls.onEvent(callEvent.get());
        } else {
            agents.onEvent(event);
        }
    }

    /** The call event for a step of a caller's stay; empty for agent and offer-detail events. */
    static Optional<CallEvent> toCallEvent(AcdEvent event) {
        return Optional.ofNullable(switch (event) {
            case AcdEvent.CallerQueued e -> new CallEvent.QueueEntered(e.callId(), e.at(), e.queue(), e.priority(), e.position());
            case AcdEvent.PositionAnnounced e ->
                    new CallEvent.WaitAnnounced(e.callId(), e.at(), e.queue(), e.position(), e.expectedWait());
            case AcdEvent.CallerOffered e -> new CallEvent.AgentOffered(e.callId(), e.at(), e.queue(), e.agents());
            case AcdEvent.OfferNoAnswer e -> new CallEvent.AgentNoAnswer(e.callId(), e.at(), e.queue(), e.agent());
            case AcdEvent.OfferRejected e -> new CallEvent.AgentDeclined(e.callId(), e.at(), e.queue(), e.agent());
            case AcdEvent.CallerOverflowed e ->
                    new CallEvent.QueueOverflowed(e.callId(), e.at(), e.fromQueue(), e.toQueue(), e.waited());
            case AcdEvent.CallerConnected e ->
                    new CallEvent.AgentConnected(e.callId(), e.at(), e.queue(), e.agent(), e.waited());
            case AcdEvent.CallCompleted e ->
                    new CallEvent.AgentCallEnded(e.callId(), e.at(), e.queue(), e.agent(), e.endedBy().name(), e.talked());
            case AcdEvent.CallerAbandoned e ->
                    new CallEvent.QueueAbandoned(e.callId(), e.at(), e.queue(), e.waited(), e.whileOffered());
            case AcdEvent.CallerNotServed e ->
                    new CallEvent.QueueNotServed(e.callId(), e.at(), e.queue(), e.reason().name(), e.waited());
            // hold and resume: the caller's thread reports them with the caller-side details
            case AcdEvent.CallHeld e -> null;
            case AcdEvent.CallResumed e -> null;
            case AcdEvent.OfferCancelled e -> null;
            case AcdEvent.LateAnswerRejected e -> null;
            case AcdEvent.AgentStatusChanged e -> null;
            case AcdEvent.AgentStateChanged e -> null;
            case AcdEvent.StatusRequestRefused e -> null;
            case AcdEvent.RuleAlert e -> null;
        });
    }
}
