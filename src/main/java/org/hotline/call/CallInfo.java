package org.hotline.call;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a call when it arrives. {@code callId} is the SIP Call-ID (standalone) or the
 * Asterisk channel unique id (FastAGI); it goes into logs, never into metric tags.
 */
public record CallInfo(String callId, String caller, String dialledNumber, Front front, Instant arrivedAt) {

    public enum Front { SIP, AGI }

    public CallInfo {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(dialledNumber, "dialledNumber");
        Objects.requireNonNull(front, "front");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }
}
