package org.hotline.call;

/** Why a call ended; carried by the ended event, logs and (later) the call record. */
public enum EndReason {
    /** The caller hung up. */
    CALLER_HANGUP,
    /** The flow finished normally after the closing (rule R10). */
    COMPLETED,
    /** Nothing was pressed: rule R5's goodbye, then hang-up. */
    SILENT_LINE,
    /** After-hours or on-call transfer completed (rule R19). */
    TRANSFERRED,
    /** The queue could not serve the caller; rule R9's apology and closing were played. */
    NOT_SERVED,
    /** The caller hung up before the call was answered (CANCEL). */
    CANCELLED,
    /** Media or signalling failed mid-call; the goodbye was attempted. */
    FAILURE,
    /** Rule R20: past overload.maxCalls, the caller heard busy.all-lines. */
    OVERLOADED,
    /** Rule R12: the caller asked to be called back, heard it confirmed and the closing. */
    CALLBACK,
    /** The caller left a message (rules R9, R19, R20) and heard it confirmed and the closing. */
    MESSAGE_LEFT
}
