package org.hotline.acd;

/** Where a queued callback (rule R12) stands, as {@link CallbackLedger} keeps it. */
public enum CallbackStatus {
    /** Waiting in its place in line, or being placed; restored after a restart. */
    PENDING,
    /** The customer answered and talked with an agent. */
    COMPLETED,
    /** Every attempt failed, or it could not be placed. */
    GAVE_UP,
    /** A request for a number already waiting, merged into that callback ({@code mergedInto}). */
    MERGED
}
