package org.hotline.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A call's record (issue 4): who called which number, when it arrived, was answered by the IVR,
 * entered a queue, was connected and ended; the menu path; the queue and the agent's work number;
 * outcome and end reason; wait, talk, hold and wrap-up times; the survey score (rule R11); the
 * recording (rule R14) and the complaint flag (rule R15). Times the call never reached are null.
 *
 * @param menuPath    keys that led to the queue (or the last menu level), joined by '-', e.g. {@code 1-2}
 * @param endReason   an {@code org.hotline.call.EndReason} name, or {@code SERVER_STOPPED}
 * @param lastEventAt the time of the latest event the record includes
 */
public record CallRecord(String callId, String caller, String dialledNumber, Instant arrivedAt, Instant answeredAt,
        Instant queuedAt, Instant connectedAt, Instant endedAt, String menuPath, String queue, String agent,
        CallOutcome outcome, String endReason, Duration waited, Duration talked, Duration held, Duration wrapUp,
        Integer surveyScore, String recordingId, Complaint complaint, Instant lastEventAt) {

    /** The end reason of a call closed by a later run: the server stopped while it was going on. */
    public static final String SERVER_STOPPED = "SERVER_STOPPED";

    /** The complaint flag (rule R15): who escalated the call, when, and why; null when not flagged. */
    public record Complaint(String flaggedBy, Instant flaggedAt, String note) {}

    public boolean hasComplaint() {
        return complaint != null;
    }
}
