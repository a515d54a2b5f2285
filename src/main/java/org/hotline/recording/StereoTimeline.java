package org.hotline.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Map;

/**
 * The common timeline of a recording: the caller's and the agent's decoded audio, each placed by
 * its own {@link LegTrack}, interleaved into stereo frames (caller left, agent right) as positions
 * are committed; what no packet filled is silence. Committing is monotonic: the writer commits up
 * to a little behind real time (room for jitter), and to the end when the call ends. A packet too
 * far ahead of the committed position for the ring first commits what must make room (only
 * positions already long past).
 *
 * <p>Positions are 8 kHz sample indexes from the recording's start. Threading: the recording's
 * writer thread only.
 */
final class StereoTimeline {

    private final Map<Leg, LegTrack> tracks = new EnumMap<>(Leg.class);
    private final int capacity;
    private final short[] left;
    private final short[] right;
    private final short[] interleaved;
    private long committed;
    private ByteBuffer output;

    StereoTimeline(int capacitySamples) {
        this.capacity = capacitySamples;
        this.left = new short[capacitySamples];
        this.right = new short[capacitySamples];
        this.interleaved = new short[2 * capacitySamples];
        for (Leg leg : Leg.values()) {
            tracks.put(leg, new LegTrack(capacitySamples));
        }
        this.output = ByteBuffer.allocate(capacitySamples * WavFormat.FRAME_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Places one packet's decoded samples (see {@link LegTrack#positionOf}). */
    void place(Leg leg, long ssrc, long timestamp, short[] samples, long arrivalPosition) {
        LegTrack track = tracks.get(leg);
        long position = track.positionOf(ssrc, timestamp, samples.length, arrivalPosition);
        long end = position + samples.length;
        if (end > committed + capacity) {
            commitTo(end - capacity);
        }
        track.put(samples, position, committed);
    }

    /** Commits every position before {@code position} (no-op if already there) into the output. */
    void commitTo(long position) {
        if (position <= committed) {
            return;
        }
        ensureRoom(position - committed);
        while (committed < position) {
            int count = (int) Math.min(position - committed, capacity);
            tracks.get(Leg.CALLER).take(committed, count, left);
            tracks.get(Leg.AGENT).take(committed, count, right);
            for (int i = 0; i < count; i++) {
                interleaved[2 * i] = left[i];
                interleaved[2 * i + 1] = right[i];
            }
            output.asShortBuffer().put(interleaved, 0, 2 * count); // the view keeps output's little-endian order
            output.position(output.position() + count * WavFormat.FRAME_BYTES);
            committed += count;
        }
    }

    long committed() {
        return committed;
    }

    /**
     * The frames committed since the last call, ready to append: a view of the timeline's own
     * buffer (no copy), valid until the next commit.
     */
    ByteBuffer takeOutput() {
        ByteBuffer frames = output.flip().duplicate();
        output.clear();
        return frames;
    }

    long lateSamples(Leg leg) {
        return tracks.get(leg).lateSamples();
    }

    long resyncs(Leg leg) {
        return tracks.get(leg).resyncs();
    }

    private void ensureRoom(long frames) {
        long needed = (long) output.position() + frames * WavFormat.FRAME_BYTES;
        if (needed > output.capacity()) {
            if (needed > Integer.MAX_VALUE) {
                throw new IllegalStateException("commit too large: " + frames + " frames");
            }
            ByteBuffer larger = ByteBuffer.allocate((int) Math.max(needed, 2L * output.capacity()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            output.flip();
            larger.put(output);
            output = larger;
        }
    }
}
