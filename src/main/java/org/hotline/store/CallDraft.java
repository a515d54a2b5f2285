package org.hotline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The record of a call that is still going on, filled in event by event. Mutable; owned by the
 * writer thread ({@link CallRecordAssembler}).
 */
final class CallDraft {

    final String callId;
    String caller;
    String dialledNumber;
    Instant arrivedAt;
    Instant answeredAt;
    Instant queuedAt;
    Instant connectedAt;
    Instant endedAt;
    Instant lastEventAt;
    String menuPath;
    String queue;
    String agent;
    boolean queueRequested;
    CallOutcome outcome;
    /** Rule R12: a callback's own outcome once it finished; wins over everything else. */
    CallOutcome callbackOutcome;
    String endReason;
    Duration waited;
    Duration talked;
    Duration held;
    Instant heldSince;
    Duration wrapUp;
    Integer surveyScore;
    String recordingId;

    CallDraft(String callId, Instant firstEventAt) {
        this.callId = callId;
        this.arrivedAt = firstEventAt;
        this.lastEventAt = firstEventAt;
    }

    void menuPath(List<String> keys) {
        menuPath = keys.isEmpty() ? null : String.join("-", keys);
    }

    void hold(Instant at) {
        if (heldSince == null) {
            heldSince = at;
        }
    }

    void resume(Instant at) {
        if (heldSince != null) {
            held = plus(held, Duration.between(heldSince, at));
            heldSince = null;
        }
    }

    static Duration plus(Duration total, Duration more) {
        return total == null ? more : total.plus(more);
    }

    /** The outcome the events so far say, once the call ended; IN_PROGRESS before. */
    private CallOutcome outcome() {
        if (endedAt == null) {
            return CallOutcome.IN_PROGRESS;
        }
        if (callbackOutcome != null) {
            return callbackOutcome;
        }
        if (connectedAt != null) {
            return CallOutcome.SERVED;
        }
        if (outcome != null) {
            return outcome;
        }
        if (queueRequested) {
            return CallOutcome.ABANDONED;
        }
        return "TRANSFERRED".equals(endReason) ? CallOutcome.TRANSFERRED : CallOutcome.IVR;
    }

    CallRecord snapshot() {
        return new CallRecord(callId, caller, dialledNumber, arrivedAt, answeredAt, queuedAt, connectedAt, endedAt,
                menuPath, queue, agent, outcome(), endReason, waited, talked, held, wrapUp, surveyScore, recordingId, null,
                lastEventAt);
    }
}
