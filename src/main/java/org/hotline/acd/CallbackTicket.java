package org.hotline.acd;

import java.time.Duration;

/**
 * The ACD's answer to a caller asking to be called back (rule R12): the callback that now holds
 * the caller's place in line. {@code merged}: a callback for the same number was already waiting
 * (or being placed), and the request joined it; it keeps the better of the two places.
 * {@code waited}: how long the caller had waited, from first joining the ACD.
 */
public record CallbackTicket(String callbackId, boolean merged, Duration waited) {

    private static final String PREFIX = "callback-";

    /** The id a callback asked for by {@code callId} gets (deterministic, so fronts can open its mailbox first). */
    public static String idFor(String callId) {
        return PREFIX + callId;
    }

    public static boolean isCallbackId(String id) {
        return id.startsWith(PREFIX);
    }
}
