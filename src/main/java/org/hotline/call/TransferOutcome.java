package org.hotline.call;

/** Result of a blind transfer attempt. */
public enum TransferOutcome {
    /** The far end accepted the transfer; our leg is finished. */
    TRANSFERRED,
    /** The transfer was refused or timed out; the caller is still with us (rule R9: apologise). */
    FAILED
}
