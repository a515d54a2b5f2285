package org.hotline.acd;

/** What becomes of a callback after a failed attempt (rule R12). */
public enum CallbackVerdict {
    /** It waits in its place again and is tried after the minimum interval. */
    RETRY,
    /** Its attempts are used up; it is over. */
    GAVE_UP
}
