package org.hotline.media.rtp;

import java.util.Optional;

/**
 * One RFC 4733 §2.3 telephone-event report: event code, end bit, volume and duration (in
 * timestamp units since the event's RTP timestamp).
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    public static final int PAYLOAD_BYTES = 4;
    private static final String DIGITS = "0123456789*#ABCD";

    public TelephoneEvent {
        if (event < 0 || event > 0xFF || volume < 0 || volume > 0x3F || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("telephone-event field out of range: event=" + event
                    + " volume=" + volume + " duration=" + duration);
        }
    }

    /**
     * The first event of an RTP payload (RFC 4733 §2.3; further packed events, §2.5.1.5, are not
     * used by DTMF senders and ignored), or empty if the payload is shorter than one event.
     */
    public static Optional<TelephoneEvent> parse(byte[] payload) {
        if (payload.length < PAYLOAD_BYTES) {
            return Optional.empty();
        }
        int flags = payload[1] & 0xFF;
        return Optional.of(new TelephoneEvent(payload[0] & 0xFF, (flags & 0x80) != 0, flags & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF)));
    }

    /** The wire form (the R bit is sent as zero). */
    public byte[] toPayload() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** The DTMF key of events 0-15 (RFC 4733 §3): '0'-'9', '*', '#', 'A'-'D'; empty for other events. */
    public Optional<Character> digit() {
        return event < DIGITS.length() ? Optional.of(DIGITS.charAt(event)) : Optional.empty();
    }
}
