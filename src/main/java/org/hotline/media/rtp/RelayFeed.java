package org.hotline.media.rtp;

import java.util.Arrays;
import org.hotline.media.Codec;

/**
 * The source side of relaying: the sessions that relay what the owner session receives. Each
 * audio or telephone-event packet from the owner's peer ({@link RelayTapHandler}) is handed to
 * every target, which hops it onto its own event loop ({@link RtpSession#acceptRelayed}).
 *
 * <p>Threading: changed only on the owner's event loop. The targets are a copy-on-write array
 * published through a volatile field, so the hot path reads them without a lock and tests may
 * look from any thread.
 */
final class RelayFeed {

    private static final RtpSession[] NONE = {};

    private final RtpSession owner;
    private volatile RtpSession[] targets = NONE;

    RelayFeed(RtpSession owner) {
        this.owner = owner;
    }

    boolean isEmpty() {
        return targets.length == 0;
    }

    boolean feeds(RtpSession target) {
        return Arrays.asList(targets).contains(target);
    }

    void add(RtpSession target) {
        if (!feeds(target)) {
            RtpSession[] grown = Arrays.copyOf(targets, targets.length + 1);
            grown[targets.length] = target;
            targets = grown;
        }
    }

    void remove(RtpSession target) {
        targets = Arrays.stream(targets).filter(t -> t != target).toArray(RtpSession[]::new);
    }

    /** Removes every target and returns them (the owner closes: they go back to their own clock). */
    RtpSession[] clear() {
        RtpSession[] previous = targets;
        targets = NONE;
        return previous;
    }

    /** @param codec the owner's audio codec, or {@code null} for a telephone-event */
    void forward(RtpPacket packet, Codec codec, long arrivalNanos) {
        RelayedPacket relayed = new RelayedPacket(owner, packet, codec, arrivalNanos);
        for (RtpSession target : targets) {
            target.acceptRelayed(relayed);
        }
    }
}
