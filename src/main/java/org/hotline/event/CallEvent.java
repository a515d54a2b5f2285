package org.hotline.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.call.EndReason;

/**
 * Everything observable about a call, as immutable records. Paired events: {@link Offered} opens a
 * call and exactly one {@link Ended} closes it; {@link Answered} comes at most once between them.
 * {@code callId} is for logs and records only, never a metric tag.
 */
public sealed interface CallEvent {

    String callId();

    Instant at();

    /**
     * A new call reached the server and ringing starts (rule R1 measures from here). A callback
     * (rule R12) is a call of its own with {@code front} {@code CALLBACK}: offered when it is asked
     * for, {@code caller} and {@code dialledNumber} the number to call back.
     */
    record Offered(String callId, Instant at, String caller, String dialledNumber, String front) implements CallEvent {}

    /** The IVR answered (SIP: 200 OK sent). */
    record Answered(String callId, Instant at) implements CallEvent {}

    /** The greeting variant chosen (rule R2), e.g. {@code greeting.morning}. */
    record Greeted(String callId, Instant at, List<String> prompts) implements CallEvent {}

    /** A menu level was presented; {@code path} holds the keys that led to it (empty at the top). */
    record MenuEntered(String callId, Instant at, List<String> path, int attempt) implements CallEvent {}

    /** A DTMF digit reached the flow (RFC 4733 or SIP INFO). */
    record DigitReceived(String callId, Instant at, char digit) implements CallEvent {}

    /** A key that no option of the current level uses. */
    record InvalidInput(String callId, Instant at, List<String> path, char digit) implements CallEvent {}

    /** The silent-line routine moved a step (rule R5): REPEATED, GOODBYE. */
    record NoInput(String callId, Instant at, List<String> path, Step step) implements CallEvent {
        public enum Step { REPEATED, GOODBYE }
    }

    /** The caller asked for an agent; the call is handed to the ACD. */
    record QueueRequested(String callId, Instant at, String queue, List<String> menuPath) implements CallEvent {}

    /** The ACD returned the caller (SERVED, NOT_SERVED, ABANDONED). */
    record QueueLeft(String callId, Instant at, String queue, String outcome) implements CallEvent {}

    // --- the ACD (issue 3): between QueueRequested and QueueLeft ---

    /** The caller joined an ACD queue at {@code position} (from 1); {@code priority}: higher is served first. */
    record QueueEntered(String callId, Instant at, String queue, int priority, int position) implements CallEvent {}

    /** Rule R7: the waiting caller heard their position and, when it can be estimated, the expected wait. */
    record WaitAnnounced(String callId, Instant at, String queue, int position, Optional<Duration> expectedWait)
            implements CallEvent {}

    /** The caller is offered to these agents (one, or every eligible agent for ring-all). */
    record AgentOffered(String callId, Instant at, String queue, List<String> agents) implements CallEvent {
        public AgentOffered {
            agents = List.copyOf(agents);
        }
    }

    /** Rule R1: the agent's phone rang out (or could not ring); the agent was set not ready. */
    record AgentNoAnswer(String callId, Instant at, String queue, String agent) implements CallEvent {}

    /** The agent's phone declined the offer (busy, decline, unreachable); the caller keeps their place. */
    record AgentDeclined(String callId, Instant at, String queue, String agent) implements CallEvent {}

    /** The caller's wait reached the queue's maximum and the caller moved to another queue. */
    record QueueOverflowed(String callId, Instant at, String fromQueue, String toQueue, Duration waited)
            implements CallEvent {}

    /** Caller and agent are connected; {@code waited} runs from the first queue entry (service level). */
    record AgentConnected(String callId, Instant at, String queue, String agent, Duration waited) implements CallEvent {}

    /** The agent put the caller on hold (the caller hears music). */
    record HeldByAgent(String callId, Instant at, String agent) implements CallEvent {}

    /** Rule R7 on hold: the held caller heard hold.still-checking, {@code heldFor} after the hold began. */
    record HoldAnnounced(String callId, Instant at, String agent, Duration heldFor) implements CallEvent {}

    /** The agent took the caller off hold. */
    record ResumedByAgent(String callId, Instant at, String agent) implements CallEvent {}

    /** Rule R9: the agent blind-transferred the caller; {@code requested} is the REFER target's user part. */
    record TransferredByAgent(String callId, Instant at, String agent, String requested, String toQueue)
            implements CallEvent {}

    /** The conversation with the agent ended; {@code endedBy} is {@code AGENT} or {@code CALLER}. */
    record AgentCallEnded(String callId, Instant at, String queue, String agent, String endedBy, Duration talked)
            implements CallEvent {}

    /** The caller hung up before an agent answered: an abandon, with the wait. */
    record QueueAbandoned(String callId, Instant at, String queue, Duration waited, boolean whileOffered)
            implements CallEvent {}

    /** Rule R9's failure path: no agent could take the call ({@code reason}: MAX_WAIT_REACHED, NO_AGENT_LOGGED_IN). */
    record QueueNotServed(String callId, Instant at, String queue, String reason, Duration waited) implements CallEvent {}

    /** After hours (rule R19) or on-call: a transfer was attempted. */
    record TransferAttempted(String callId, Instant at, String target, boolean succeeded) implements CallEvent {}

    /** The caller chose another language on a menu (rule R6); prompts from here on are in it. */
    record LanguageChanged(String callId, Instant at, String language) implements CallEvent {}

    /** The caller rated the service after the agent left (rule R11): 1 (very dissatisfied) to 5. */
    record SurveyAnswered(String callId, Instant at, String queue, int score) implements CallEvent {}

    /** The call is over; exactly one per {@link Offered}. */
    record Ended(String callId, Instant at, EndReason reason) implements CallEvent {}

    // --- never drop a caller (issue 8): overload, callbacks, messages ---

    /**
     * Rule R20: the call came past {@code overload.maxCalls}. {@code treatment} {@code BUSY_MESSAGE}:
     * it is answered with busy.all-lines (between its Offered and Ended); {@code REJECT}: it got 503
     * with Retry-After and has no Offered or Ended.
     */
    record CallRefused(String callId, Instant at, String caller, String treatment) implements CallEvent {}

    /** Rule R12: the waiting caller's expected wait reached the queue's threshold; a callback was offered. */
    record CallbackOffered(String callId, Instant at, String queue, Optional<Duration> expectedWait)
            implements CallEvent {}

    /**
     * Rule R12: the caller asked to be called back at {@code number} and keeps their place in line as
     * the callback {@code callbackId}; {@code merged}: an earlier request for the same number already
     * waits, and this one was merged into it. The caller then leaves the queue with outcome CALLBACK,
     * which is neither an abandon nor a failure; {@code waited} runs from the first queue entry.
     */
    record CallbackRequested(String callId, Instant at, String queue, String callbackId, String number,
            boolean merged, Duration waited) implements CallEvent {}

    /**
     * A callback's attempt ended ({@code callId} is the callback's id): {@code result} ANSWERED,
     * BUSY, NO_ANSWER, FAILED (the trunk refused or did not answer), AGENT_GONE (the agent hung up
     * before the customer answered); {@code agent} is the agent who was connected first.
     */
    record CallbackAttempted(String callId, Instant at, String queue, String agent, int attempt, String result)
            implements CallEvent {}

    /**
     * A callback is over ({@code callId} is the callback's id, {@code requestedBy} the call that asked
     * for it): {@code outcome} COMPLETED (the customer talked to an agent) or GAVE_UP (every attempt
     * failed, or the server stopped).
     */
    record CallbackFinished(String callId, Instant at, String requestedBy, String queue, String outcome,
            int attempts) implements CallEvent {}

    /**
     * The caller left a message (rules R9, R19, R20); {@code endedBy}: HASH, SILENCE, MAX_LENGTH or
     * HANGUP. The message is in {@code GET /api/messages} under {@code messageId}.
     */
    record MessageLeft(String callId, Instant at, String messageId, Duration length, String endedBy)
            implements CallEvent {}
}
