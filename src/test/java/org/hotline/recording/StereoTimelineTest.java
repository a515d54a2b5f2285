package org.hotline.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Alignment on the common timeline: each leg's packets land where their RTP timestamps put them,
 * relative to the leg's start tied to arrival time, so loss leaves silence only where the lost
 * packets belonged, jitter moves nothing, and neither leg disturbs the other.
 */
class StereoTimelineTest {

    private static final int FRAME = 160;
    /** Network delay of a timely packet: 5 ms. */
    private static final int DELAY = 40;
    /** The writer commits 300 ms behind arrival time. */
    private static final int LATENCY = 2400;
    private static final int PACKETS = 100;
    private static final long CALLER_SSRC = 0x1111;
    private static final long AGENT_SSRC = 0x2222;

    private final StereoTimeline timeline = new StereoTimeline(RecordingTiming.DEFAULTS.ringSamples());
    private final Output output = new Output();

    @Test
    void lostPacketsOnOneLegLeaveSilenceWhereTheyBelongedAndShiftNeitherLeg() {
        Set<Integer> lost = Set.of(10, 11, 12, 13, 14, 40, 77);
        List<Arrival> arrivals = new ArrayList<>();
        for (int k = 0; k < PACKETS; k++) {
            if (!lost.contains(k)) {
                arrivals.add(timely(Leg.CALLER, k));
            }
            arrivals.add(timely(Leg.AGENT, k));
        }

        play(arrivals, PACKETS * FRAME + DELAY);

        for (int k = 0; k < PACKETS; k++) {
            output.assertPacket(Leg.CALLER, k, DELAY + k * FRAME, lost.contains(k) ? 0 : callerLevel(k));
            output.assertPacket(Leg.AGENT, k, DELAY + k * FRAME, agentLevel(k));
        }
        output.assertSilent(Leg.CALLER, 0, DELAY);
    }

    @Test
    void jitterAndReorderingOnOneLegDoNotMoveItsAudioOrTheOthers() {
        SplittableRandom random = new SplittableRandom(42);
        List<Arrival> arrivals = new ArrayList<>();
        for (int k = 0; k < PACKETS; k++) {
            int jitter = k == 0 ? 0 : random.nextInt(0, 400); // up to 50 ms: packets overtake each other
            arrivals.add(new Arrival(Leg.CALLER, k, arrivalOf(k) + jitter, CALLER_SSRC, timestampOf(k)));
            arrivals.add(timely(Leg.AGENT, k));
        }
        arrivals.sort(Comparator.comparingLong(Arrival::position));

        play(arrivals, PACKETS * FRAME + DELAY);

        for (int k = 0; k < PACKETS; k++) {
            output.assertPacket(Leg.CALLER, k, DELAY + k * FRAME, callerLevel(k));
            output.assertPacket(Leg.AGENT, k, DELAY + k * FRAME, agentLevel(k));
        }
    }

    @Test
    void aDelayedFirstPacketIsCorrectedByTheFirstTimelyOne() {
        List<Arrival> arrivals = new ArrayList<>();
        arrivals.add(new Arrival(Leg.AGENT, 0, arrivalOf(0) + 80, AGENT_SSRC, timestampOf(0)));
        for (int k = 1; k < PACKETS; k++) {
            arrivals.add(timely(Leg.AGENT, k));
        }

        play(arrivals, PACKETS * FRAME + DELAY);

        for (int k = 1; k < PACKETS; k++) {
            output.assertPacket(Leg.AGENT, k, DELAY + k * FRAME, agentLevel(k));
        }
        assertEquals(1, timeline.resyncs(Leg.AGENT), "re-anchored once, on packet 1");
    }

    @Test
    void aBurstAfterAStallOfTheSenderLandsWhereItsTimestampsSay() {
        List<Arrival> arrivals = new ArrayList<>();
        for (int k = 0; k < PACKETS; k++) {
            boolean stalled = k >= 20 && k < 32; // 240 ms without a packet, then all twelve at once
            arrivals.add(new Arrival(Leg.CALLER, k, stalled ? arrivalOf(31) + k : arrivalOf(k), CALLER_SSRC, timestampOf(k)));
            arrivals.add(timely(Leg.AGENT, k));
        }
        arrivals.sort(Comparator.comparingLong(Arrival::position));

        play(arrivals, PACKETS * FRAME + DELAY);

        for (int k = 0; k < PACKETS; k++) {
            output.assertPacket(Leg.CALLER, k, DELAY + k * FRAME, callerLevel(k));
            output.assertPacket(Leg.AGENT, k, DELAY + k * FRAME, agentLevel(k));
        }
        assertEquals(0, timeline.resyncs(Leg.CALLER));
    }

    @Test
    void timestampsThatStayFarBehindForASecondReanchorToArrival() {
        List<Arrival> arrivals = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            arrivals.add(timely(Leg.CALLER, k));
        }
        for (int k = 10; k < 100; k++) { // the sender's timestamps went back 5 s
            arrivals.add(new Arrival(Leg.CALLER, k, arrivalOf(k), CALLER_SSRC, timestampOf(k) - 40_000));
        }

        play(arrivals, PACKETS * FRAME + DELAY);

        int first = 10 + LegTrack.RESYNC_AFTER_LATE_PACKETS - 1; // the packet that re-anchors
        for (int k = first; k < 100; k++) {
            output.assertPacket(Leg.CALLER, k, DELAY + k * FRAME, callerLevel(k));
        }
        assertEquals(1, timeline.resyncs(Leg.CALLER));
        output.assertSilent(Leg.CALLER, DELAY + 10 * FRAME, DELAY + first * FRAME);
    }

    @Test
    void aNewStreamAfterATransferIsPlacedByItsArrival() {
        List<Arrival> arrivals = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            arrivals.add(timely(Leg.AGENT, k));
        }
        long secondAgentStarts = arrivalOf(70) + 13; // 0.4 s of nothing, then another phone's stream
        for (int k = 0; k < 20; k++) {
            arrivals.add(new Arrival(Leg.AGENT, 200 + k, secondAgentStarts + k * FRAME, 0x3333, 987_654_321L + k * FRAME));
        }

        play(arrivals, secondAgentStarts + 20 * FRAME);

        output.assertSilent(Leg.AGENT, DELAY + 50 * FRAME, secondAgentStarts - FRAME);
        for (int k = 0; k < 20; k++) {
            output.assertPacket(Leg.AGENT, 200 + k, secondAgentStarts - FRAME + k * FRAME, agentLevel(200 + k));
        }
    }

    @Test
    void aTimestampJumpIsPlacedByArrivalNotFarInTheFuture() {
        List<Arrival> arrivals = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            arrivals.add(timely(Leg.CALLER, k));
        }
        for (int k = 10; k < 20; k++) {
            arrivals.add(new Arrival(Leg.CALLER, k, arrivalOf(k), CALLER_SSRC, timestampOf(k) + 80_000)); // +10 s
        }

        play(arrivals, 20 * FRAME + DELAY);

        for (int k = 0; k < 20; k++) {
            output.assertPacket(Leg.CALLER, k, DELAY + k * FRAME, callerLevel(k));
        }
    }

    @Test
    void onlyThePartOfALatePacketBeforeTheCommittedPositionIsLost() {
        long committed = DELAY + 3 * FRAME + 60; // 60 samples into where packet 3 belongs
        timeline.place(Leg.CALLER, CALLER_SSRC, timestampOf(0), level(callerLevel(0)), arrivalOf(0));
        timeline.commitTo(committed);
        output.take(timeline);
        timeline.place(Leg.CALLER, CALLER_SSRC, timestampOf(3), level(callerLevel(3)), arrivalOf(3) + 100); // 12.5 ms late
        timeline.commitTo(arrivalOf(10));
        output.take(timeline);

        output.assertSilent(Leg.CALLER, DELAY + 3 * FRAME, committed);
        output.assertLevel(Leg.CALLER, committed, DELAY + 4 * FRAME, callerLevel(3));
        assertEquals(60, timeline.lateSamples(Leg.CALLER));
    }

    @Test
    void whatNoPacketCoveredIsSilenceAndTheLengthIsExactlyWhatWasCommitted() {
        timeline.commitTo(12_345);
        output.take(timeline);
        assertEquals(12_345, output.frames());
        output.assertSilent(Leg.CALLER, 0, 12_345);
        output.assertSilent(Leg.AGENT, 0, 12_345);
    }

    @Test
    void packetsStraddlingTheRingsEdgeAndCommitsLongerThanTheRingKeepEverySample() {
        int capacity = RecordingTiming.DEFAULTS.ringSamples();
        long straddling = capacity - FRAME / 2; // half before the ring's last slot, half after its first
        List<Arrival> arrivals = new ArrayList<>();
        for (int k = 0; k < 5 * capacity / FRAME; k++) {
            arrivals.add(timely(Leg.CALLER, k));
        }
        play(arrivals, 5L * capacity + DELAY);
        timeline.place(Leg.AGENT, AGENT_SSRC, 0, level(7), 6L * capacity + straddling + FRAME);
        timeline.commitTo(9L * capacity); // three ring lengths in one commit
        output.take(timeline);

        assertEquals(9 * capacity, output.frames());
        for (int k = 0; k < 5 * capacity / FRAME; k++) {
            output.assertPacket(Leg.CALLER, k, (long) k * FRAME + DELAY, callerLevel(k)); // placed by arrival, then timestamps
        }
        output.assertSilent(Leg.AGENT, 0, 6L * capacity + straddling);
        output.assertLevel(Leg.AGENT, 6L * capacity + straddling, 6L * capacity + straddling + FRAME, 7);
        output.assertSilent(Leg.AGENT, 6L * capacity + straddling + FRAME, 9L * capacity);
        assertEquals(0, timeline.lateSamples(Leg.CALLER));
    }

    // ---- the scenario: packet k holds 160 samples of one level, sent every 20 ms

    private record Arrival(Leg leg, int packet, long position, long ssrc, long timestamp) {
    }

    private static Arrival timely(Leg leg, int k) {
        return new Arrival(leg, k, arrivalOf(k), leg == Leg.CALLER ? CALLER_SSRC : AGENT_SSRC, timestampOf(k));
    }

    /** Packet k's samples span [k*160, (k+1)*160) at the sender; it arrives DELAY after its last one. */
    private static long arrivalOf(int k) {
        return (long) (k + 1) * FRAME + DELAY;
    }

    private static long timestampOf(int k) {
        return (0xFFFF_FF00L + (long) k * FRAME) & 0xFFFF_FFFFL; // wraps around 2^32 on the way
    }

    private static int callerLevel(int k) {
        return 1000 + k;
    }

    private static int agentLevel(int k) {
        return -1000 - k;
    }

    private static short[] level(int value) {
        short[] samples = new short[FRAME];
        java.util.Arrays.fill(samples, (short) value);
        return samples;
    }

    /** Feeds the arrivals in order, committing LATENCY behind each as the writer does, then to {@code end}. */
    private void play(List<Arrival> arrivals, long end) {
        for (Arrival a : arrivals) {
            int value = a.leg() == Leg.CALLER ? callerLevel(a.packet()) : agentLevel(a.packet());
            timeline.place(a.leg(), a.ssrc(), a.timestamp(), level(value), a.position());
            timeline.commitTo(a.position() - LATENCY);
            output.take(timeline);
        }
        timeline.commitTo(end);
        output.take(timeline);
    }

    /** Everything committed, split into channels. */
    private static final class Output {
        private final List<Short> left = new ArrayList<>();
        private final List<Short> right = new ArrayList<>();

        void take(StereoTimeline timeline) {
            ByteBuffer b = timeline.takeOutput().order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                left.add(b.getShort());
                right.add(b.getShort());
            }
        }

        int frames() {
            return left.size();
        }

        void assertPacket(Leg leg, int packet, long position, int value) {
            assertLevel(leg, position, position + FRAME, value);
        }

        void assertLevel(Leg leg, long from, long to, int value) {
            List<Short> channel = leg == Leg.CALLER ? left : right;
            for (long at = from; at < to; at++) {
                assertEquals(value, (int) channel.get((int) at), leg + " sample " + at);
            }
        }

        void assertSilent(Leg leg, long from, long to) {
            assertLevel(leg, from, to, 0);
        }
    }
}
