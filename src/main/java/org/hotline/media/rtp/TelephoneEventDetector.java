package org.hotline.media.rtp;

import java.util.Optional;

/**
 * Turns a stream of RFC 4733 telephone-event packets into key presses, each reported exactly once
 * and as early as possible (at its first packet, for barge-in).
 *
 * <p>All packets of one event carry the event's start time as RTP timestamp (RFC 4733 §2.5.1), so
 * a timestamp not seen before is a new key press, whichever packet of the event arrives first: the
 * start, an update, or (when the others were lost) one of the repeated end packets. Updates and
 * repeated end packets of a known timestamp are ignored. A few recent timestamps are remembered so
 * a late packet of the previous event does not count again. The continuation segments of a key
 * held past the 16-bit duration (§2.5.1.3, §2.5.2.3) get a new timestamp equal to the previous one
 * plus 0xFFFF and are not a new press.
 *
 * <p>Threading: confined to the session's event loop.
 */
public final class TelephoneEventDetector {

    private static final int REMEMBERED_EVENTS = 8;
    private static final int MAX_DURATION = 0xFFFF;

    private final long[] recentTimestamps = new long[REMEMBERED_EVENTS];
    private int recentCount;
    private int nextSlot;
    private long lastTimestamp = -1;
    private TelephoneEvent lastEvent;

    /** The key pressed, if this packet is the first seen of a key press. */
    public Optional<Character> onPacket(long rtpTimestamp, TelephoneEvent event) {
        boolean known = isRecent(rtpTimestamp);
        boolean continuation = !known && continues(rtpTimestamp, event);
        if (!known) {
            remember(rtpTimestamp);
        }
        if (rtpTimestamp == lastTimestamp || !known) {
            lastTimestamp = rtpTimestamp;
            lastEvent = event;
        }
        return known || continuation ? Optional.empty() : event.digit();
    }

    private boolean continues(long rtpTimestamp, TelephoneEvent event) {
        return lastEvent != null
                && !lastEvent.end()
                && lastEvent.event() == event.event()
                && lastEvent.duration() == MAX_DURATION
                && rtpTimestamp == ((lastTimestamp + MAX_DURATION) & 0xFFFF_FFFFL);
    }

    private boolean isRecent(long rtpTimestamp) {
        for (int i = 0; i < recentCount; i++) {
            if (recentTimestamps[i] == rtpTimestamp) {
                return true;
            }
        }
        return false;
    }

    private void remember(long rtpTimestamp) {
        recentTimestamps[nextSlot] = rtpTimestamp;
        nextSlot = (nextSlot + 1) % REMEMBERED_EVENTS;
        recentCount = Math.min(recentCount + 1, REMEMBERED_EVENTS);
    }
}
