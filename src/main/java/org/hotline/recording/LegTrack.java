package org.hotline.recording;

/**
 * One leg's samples on the recording's timeline, before they are written: a ring of the positions
 * not yet committed. Each packet is placed by its RTP timestamp (RFC 3550 §5.1) relative to an
 * anchor tied to arrival time, so loss leaves silence at the lost packets' places and jitter moves
 * nothing: the anchor is the earliest arrival seen (a packet that comes earlier than its timestamp
 * predicts re-anchors the leg there), and a new SSRC or a timestamp that falls more than
 * {@link #RESYNC_LATE_SAMPLES} behind arrival time (a jump, or the sender's clock drifting slower
 * than ours) re-anchors to arrival. The other leg's track is independent.
 *
 * <p>Positions are sample indexes from the recording's start (8 kHz). Threading: the recording's
 * writer thread only.
 */
final class LegTrack {

    /** 150 ms: later than this behind its timestamp's place, a stream is re-anchored rather than dropped as late. */
    static final long RESYNC_LATE_SAMPLES = 1200;

    private final short[] ring;
    private boolean anchored;
    private long ssrc;
    private long anchorTimestamp;
    private long anchorPosition;
    private long lateSamples;
    private long resyncs;

    LegTrack(int capacitySamples) {
        this.ring = new short[capacitySamples];
    }

    int capacity() {
        return ring.length;
    }

    /**
     * Where a packet goes: {@code arrivalPosition} is the timeline position of its arrival; its
     * samples are taken to end there unless its timestamp puts them earlier (within the resync bound).
     */
    long positionOf(long packetSsrc, long timestamp, int samples, long arrivalPosition) {
        long byArrival = arrivalPosition - samples;
        if (!anchored || packetSsrc != ssrc) {
            anchor(packetSsrc, timestamp, byArrival);
            return byArrival;
        }
        long byTimestamp = anchorPosition + (int) (timestamp - anchorTimestamp); // 32-bit wrap (RFC 3550 §5.1)
        long early = byTimestamp - byArrival;
        if (early > 0 || early < -RESYNC_LATE_SAMPLES) {
            resyncs++;
            anchor(packetSsrc, timestamp, byArrival);
            return byArrival;
        }
        return byTimestamp;
    }

    /**
     * Puts {@code samples} at {@code position}; those before {@code committed} are late and counted.
     * The caller ensures {@code position + samples.length <= committed + capacity}.
     */
    void put(short[] samples, long position, long committed) {
        for (int i = 0; i < samples.length; i++) {
            long at = position + i;
            if (at < committed) {
                lateSamples++;
            } else {
                ring[slot(at)] = samples[i];
            }
        }
    }

    /** Takes the sample at {@code position} and clears its slot (silence unless placed again). */
    short take(long position) {
        int slot = slot(position);
        short sample = ring[slot];
        ring[slot] = 0;
        return sample;
    }

    long lateSamples() {
        return lateSamples;
    }

    long resyncs() {
        return resyncs;
    }

    private void anchor(long packetSsrc, long timestamp, long position) {
        anchored = true;
        ssrc = packetSsrc;
        anchorTimestamp = timestamp;
        anchorPosition = position;
    }

    private int slot(long position) {
        return (int) Math.floorMod(position, (long) ring.length);
    }
}
