package org.hotline.sip;

import java.util.concurrent.CompletableFuture;

/**
 * One blind transfer attempt (RFC 3515): our REFER's final response, then the NOTIFYs whose
 * message/sipfrag bodies report the transferee's progress (§2.4.5). Completes true on a 2xx
 * sipfrag, false on a failure response, a failure sipfrag or a timeout. Thread-safe.
 */
final class ReferTransfer {

    private final String target;
    private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();

    ReferTransfer(String target) {
        this.target = target;
    }

    String target() {
        return target;
    }

    CompletableFuture<Boolean> outcome() {
        return outcome;
    }

    void onReferResponse(int status) {
        if (status >= 300) {
            outcome.complete(false);
        }
    }

    /** @return true if this NOTIFY decided the transfer */
    boolean onSipfrag(int status) {
        if (status >= 200 && status < 300) {
            return outcome.complete(true);
        }
        return status >= 300 && outcome.complete(false);
    }

    void fail() {
        outcome.complete(false);
    }

    /** The status code of a sipfrag body's status line ("SIP/2.0 200 OK"), or -1. */
    static int sipfragStatus(String body) {
        if (body == null) {
            return -1;
        }
        String[] parts = body.strip().split("\\s+", 3);
        if (parts.length < 2 || !parts[0].startsWith("SIP/")) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
