package org.hotline.call;

/** How a {@link CallControl#play} ended. */
public enum PlaybackResult {
    /** Every prompt was played to the end. */
    COMPLETED,
    /** A key press stopped a barge-in announcement; the digit is buffered. */
    INTERRUPTED_BY_DIGIT
}
