package org.hotline.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything observable about queues and agents, as immutable records emitted by {@link AcdEngine}
 * through {@link AcdEventListener}, in the order things happened. {@code callId} and work numbers
 * are for records and logs only, never metric tags.
 */
public sealed interface AcdEvent {

    Instant at();

    /** A caller joined a queue; {@code position} counts from 1 (rule R7 announces it). */
    record CallerQueued(Instant at, String callId, String queue, int priority, int position) implements AcdEvent {}

    /** The caller is offered to these agents: one, or every eligible agent for ring-all. */
    record CallerOffered(Instant at, String callId, String queue, List<String> agents) implements AcdEvent {
        public CallerOffered {
            agents = List.copyOf(agents);
        }
    }

    /** Rule R1: the agent's phone rang out (or failed to ring); the agent is set not ready. */
    record OfferNoAnswer(Instant at, String callId, String queue, String agent) implements AcdEvent {}

    /** The agent's phone declined the offer; the agent stays available, skipped for this caller. */
    record OfferRejected(Instant at, String callId, String queue, String agent) implements AcdEvent {}

    /** A ringing offer was withdrawn (the front CANCELs that leg). */
    record OfferCancelled(Instant at, String callId, String agent, CancelCause cause) implements AcdEvent {}

    /** An agent answered an offer that was no longer theirs (the front hangs that leg up). */
    record LateAnswerRejected(Instant at, String callId, String agent) implements AcdEvent {}

    /** Caller and agent are bridged; {@code waited} runs from the first queue entry (service level). */
    record CallerConnected(Instant at, String callId, String queue, String agent, Duration waited)
            implements AcdEvent {}

    record CallHeld(Instant at, String callId, String agent) implements AcdEvent {}

    record CallResumed(Instant at, String callId, String agent) implements AcdEvent {}

    /** The conversation ended; the agent goes to wrap-up. */
    record CallCompleted(Instant at, String callId, String queue, String agent, Party endedBy, Duration talked)
            implements AcdEvent {}

    /** The caller hung up before an agent answered. */
    record CallerAbandoned(Instant at, String callId, String queue, Duration waited, boolean whileOffered)
            implements AcdEvent {}

    /** Maximum wait reached: the caller moved to another queue, keeping their place in time. */
    record CallerOverflowed(Instant at, String callId, String fromQueue, String toQueue, Duration waited)
            implements AcdEvent {}

    /** Rule R9's failure path: the caller leaves the ACD without an agent. */
    record CallerNotServed(Instant at, String callId, String queue, NotServedReason reason, Duration waited)
            implements AcdEvent {}

    /** Rule R7: the caller was told their position (and the expected wait, when it is known). */
    record PositionAnnounced(Instant at, String callId, String queue, int position, Optional<Duration> expectedWait)
            implements AcdEvent {}

    /** {@code reason}: the not-ready reason, the kind of break, or empty. */
    record AgentStatusChanged(Instant at, String agent, AgentStatus from, AgentStatus to, String reason)
            implements AcdEvent {
        public AgentStatusChanged {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record AgentStateChanged(Instant at, String agent, AgentState from, AgentState to) implements AcdEvent {}

    record StatusRequestRefused(Instant at, String agent, AgentStatus requested, Refusal reason) implements AcdEvent {}

    /** An agent rule's limit was reached (once per not-ready period or break). */
    record RuleAlert(Instant at, String agent, AlertRule rule, Duration elapsed) implements AcdEvent {}

    /** Which side ended a conversation. */
    enum Party { AGENT, CALLER }

    /** Why a ringing offer was withdrawn. */
    enum CancelCause { ANSWERED_ELSEWHERE, CALLER_LEFT }

    /** The agent rule whose limit an alert reports. */
    enum AlertRule {
        /** Rule R16: not ready for {@link AgentRules#R16_NOT_READY_LIMIT}. */
        R16_NOT_READY_TOO_LONG,
        /** Rule R17: a break lasting {@link AgentRules#R17_BREAK_LIMIT}. */
        R17_BREAK_TOO_LONG
    }
}
