package org.hotline.event;

import java.time.Instant;
import java.util.List;
import org.hotline.call.EndReason;

/**
 * Everything observable about a call, as immutable records. Paired events: {@link Offered} opens a
 * call and exactly one {@link Ended} closes it; {@link Answered} comes at most once between them.
 * {@code callId} is for logs and records only, never a metric tag.
 */
public sealed interface CallEvent {

    String callId();

    Instant at();

    /** A new call reached the server and ringing starts (rule R1 measures from here). */
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

    /** After hours (rule R19) or on-call: a transfer was attempted. */
    record TransferAttempted(String callId, Instant at, String target, boolean succeeded) implements CallEvent {}

    /** The caller chose another language on a menu (rule R6); prompts from here on are in it. */
    record LanguageChanged(String callId, Instant at, String language) implements CallEvent {}

    /** The caller rated the service after the agent left (rule R11): 1 (very dissatisfied) to 5. */
    record SurveyAnswered(String callId, Instant at, String queue, int score) implements CallEvent {}

    /** The call is over; exactly one per {@link Offered}. */
    record Ended(String callId, Instant at, EndReason reason) implements CallEvent {}
}
