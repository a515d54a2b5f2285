package org.hotline.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/** The SDP direction attribute of a media stream (RFC 3264 §5.1, §6.1); sendrecv when absent. */
public enum Direction {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE;

    /** The direction an answerer states for this offered one (RFC 3264 §6.1). */
    public Direction mirrored() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case SENDRECV, INACTIVE -> this;
        };
    }

    /** Whether the peer wants to receive our audio: false while it holds the call. */
    public boolean peerReceives() {
        return this == SENDRECV || this == RECVONLY;
    }

    public String attributeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Direction> fromAttribute(String name) {
        for (Direction d : values()) {
            if (d.attributeName().equalsIgnoreCase(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
