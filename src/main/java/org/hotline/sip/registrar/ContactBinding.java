package org.hotline.sip.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One contact bound to an agent's address-of-record (RFC 3261 §10.3), with the Call-ID and CSeq of
 * the REGISTER that last wrote it (for the ordering check of §10.3 step 7). Immutable.
 *
 * @param uri       the Contact URI, as the stack re-encodes it; the ACD sends INVITEs here
 * @param callId    Call-ID of the REGISTER that wrote this binding
 * @param cseq      CSeq number of that REGISTER
 * @param expiresAt when the binding lapses unless refreshed
 */
public record ContactBinding(String uri, String callId, long cseq, Instant expiresAt) {

    public ContactBinding {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Time left, rounded up to whole seconds so a live binding never reports 0 (which means removed). */
    public long remainingSeconds(Instant now) {
        Duration left = Duration.between(now, expiresAt);
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        return left.getNano() == 0 ? left.getSeconds() : left.getSeconds() + 1;
    }
}
