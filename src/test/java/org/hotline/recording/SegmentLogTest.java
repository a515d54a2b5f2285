package org.hotline.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.hotline.recording.RecordingInfo.Segment;
import org.junit.jupiter.api.Test;

/** The segments a recording lists through holds, transfers and the agent's leaving. */
class SegmentLogTest {

    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");

    @Test
    void holdAndResumeListAHoldSegmentBetweenTwoTalks() {
        SegmentLog log = new SegmentLog(T0, "1001");
        log.held(at(10), "1001");
        log.resumed(at(25), "1001");

        assertEquals(List.of(
                new Segment(Segment.TALK, T0, at(10), "1001"),
                new Segment(Segment.HOLD, at(10), at(25), "1001"),
                new Segment(Segment.TALK, at(25), null, "1001")), log.snapshot());
    }

    @Test
    void aTransferListsTheWaitAndTheNextAgentWhicheverOrderTheAcdAndTheCallerReportIt() {
        SegmentLog transferFirst = new SegmentLog(T0, "1001");
        transferFirst.transferred(at(30));
        transferFirst.agentLeft(at(30));
        transferFirst.connected(at(50), "1002");
        SegmentLog endFirst = new SegmentLog(T0, "1001");
        endFirst.agentLeft(at(30));
        endFirst.transferred(at(30));
        endFirst.connected(at(50), "1002");

        List<Segment> expected = List.of(
                new Segment(Segment.TALK, T0, at(30), "1001"),
                new Segment(Segment.QUEUE, at(30), at(50), null),
                new Segment(Segment.TALK, at(50), null, "1002"));
        assertEquals(expected, transferFirst.snapshot());
        assertEquals(expected, endFirst.snapshot());
    }

    @Test
    void theAgentHangingUpLeavesTheCallerAfterTheAgentUntilTheEnd() {
        SegmentLog log = new SegmentLog(T0, "1001");
        log.agentLeft(at(40));

        assertEquals(List.of(
                new Segment(Segment.TALK, T0, at(40), "1001"),
                new Segment(Segment.AFTER_AGENT, at(40), at(47), null)), SegmentLog.endedAt(log.snapshot(), at(47)));
    }

    @Test
    void aResumeWithoutAHoldChangesNothing() {
        SegmentLog log = new SegmentLog(T0, "1001");
        long version = log.version();
        log.resumed(at(5), "1001");

        assertEquals(List.of(new Segment(Segment.TALK, T0, null, "1001")), log.snapshot());
        assertEquals(version, log.version());
    }

    @Test
    void endingCutsSegmentsAtTheEndAndDropsThoseAfterIt() {
        List<Segment> segments = List.of(
                new Segment(Segment.TALK, T0, at(10), "1001"),
                new Segment(Segment.HOLD, at(10), null, "1001"),
                new Segment(Segment.TALK, at(30), null, "1001"));

        assertEquals(List.of(
                new Segment(Segment.TALK, T0, at(10), "1001"),
                new Segment(Segment.HOLD, at(10), at(20), "1001")), SegmentLog.endedAt(segments, at(20)));
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
