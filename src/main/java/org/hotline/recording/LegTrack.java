package org.hotline.recording;

import java.util.Arrays;

/**
 * One leg's samples on the recording's timeline, before they are written: a ring of the positions
 * not yet committed. Each packet is placed by its RTP timestamp (RFC 3550 §5.1) relative to an
 * anchor tied to arrival time, so loss leaves silence at the lost packets' places and jitter moves
 * nothing: the anchor is the earliest arrival seen (a packet that comes earlier than its timestamp
 * predicts re-anchors the leg there). Late packets never move it: after a stall, a burst of late
 * packets lands where the timestamps say (what is later than the writer's latency is lost as
 * late). A new SSRC re-anchors at once; packets that stay more than {@link #RESYNC_LATE_SAMPLES}
 * behind their timestamps' place for {@link #RESYNC_AFTER_LATE_PACKETS} packets in a row (a
 * timestamp jump backwards, or the sender's clock drifting slower than ours) re-anchor to
 * arrival. The other leg's track is independent.
 *
 * <p>Positions are sample indexes from the recording's start (8 kHz). Threading: the recording's
 * writer thread only.
 */
final class LegTrack {

    /** 150 ms: later than this behind its timestamp's place, a stream is re-anchored rather than dropped as late. */
    static final long RESYNC_LATE_SAMPLES = 1200;
    /** 1 s of 20 ms packets: a stall and its catch-up burst are shorter, a drift or a jump is not. */
    static final int RESYNC_AFTER_LATE_PACKETS = 50;

    private final short[] ring;
    private boolean anchored;
    private long ssrc;
    private long anchorTimestamp;
    private long anchorPosition;
    private long lateSamples;
    private long resyncs;
    private int lateRun;

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
        lateRun = early < -RESYNC_LATE_SAMPLES ? lateRun + 1 : 0;
        if (early > 0 || lateRun >= RESYNC_AFTER_LATE_PACKETS) {
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
        int late = (int) Math.clamp(committed - position, 0, samples.length);
        lateSamples += late;
        int count = samples.length - late;
        if (count == 0) {
            return;
        }
        int slot = slot(position + late);
        int first = Math.min(count, ring.length - slot);
        System.arraycopy(samples, late, ring, slot, first);
        System.arraycopy(samples, late + first, ring, 0, count - first);
    }

    /**
     * Takes {@code count} samples from {@code position} on into {@code into} and clears their
     * slots (silence unless placed again). {@code count} is at most the ring's capacity.
     */
    void take(long position, int count, short[] into) {
        int slot = slot(position);
        int first = Math.min(count, ring.length - slot);
        System.arraycopy(ring, slot, into, 0, first);
        System.arraycopy(ring, 0, into, first, count - first);
        Arrays.fill(ring, slot, slot + first, (short) 0);
        Arrays.fill(ring, 0, count - first, (short) 0);
    }

    long lateSamples() {
        return lateSamples;
    }

    long resyncs() {
        return resyncs;
    }

    private void anchor(long packetSsrc, long timestamp, long position) {
        anchored = true;
        lateRun = 0;
        ssrc = packetSsrc;
        anchorTimestamp = timestamp;
        anchorPosition = position;
    }

    private int slot(long position) {
        return (int) Math.floorMod(position, (long) ring.length);
    }
}
