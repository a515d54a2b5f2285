package org.hotline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's readers of SIPp's files, the server's event log and its own options. */
class BenchParsingTest {

    @Test
    void readsTheLastRowOfSippStatistics() {
        String csv = "StartTime;TotalCallCreated;SuccessfulCall(C);FailedCall(C)\n"
                + "2026-11-22;3;1;0\n2026-11-22;10;9;1\n";

        Map<String, String> stats = SippOutput.lastStats(csv);

        assertEquals("10", stats.get("TotalCallCreated"));
        assertEquals("1", stats.get("FailedCall(C)"));
    }

    @Test
    void countsSippErrorsBySipCodeAndIgnoresTheMessagesQuoted() {
        String errors = """
                The following events occurred:
                2026-11-22\t13:05:14.624984\t1795352714.624984: Aborting call on unexpected message for Call-Id '4-1@127.0.0.1': \
                while expecting '180' (index 2), received 'SIP/2.0 503 Service Unavailable
                CSeq: 1 INVITE
                Call-ID: 4-1@127.0.0.1

                '2026-11-22\t13:05:15.000001\t1795352715.000001: Aborting call on unexpected message for Call-Id '5-1@127.0.0.1': \
                while expecting '200' (index 3), received 'BYE sip:caller@127.0.0.1 SIP/2.0
                2026-11-22\t13:05:16.000001\t1795352716.000001: Aborting call on unexpected message for Call-Id '6-1@127.0.0.1': \
                while expecting '180' (index 2), received 'SIP/2.0 503 Service Unavailable
                """;

        assertEquals(Map.of("SIP 503", 2, "unexpected BYE", 1), SippOutput.failureReasons(errors));
    }

    @Test
    void parsesACallEventLineWithItsOwnInstantAndQueue() {
        String line = "13:11:02.901 INFO  [acd] org.hotline.calls callId=\"1-17126@127.0.0.1\" event=\"QueueEntered\" "
                + "QueueEntered[callId=1-17126@127.0.0.1, at=2026-11-22T13:11:02.900215529Z, queue=backlog, priority=0, position=1]";

        CallEventLog.Event event = CallEventLog.parse(line).orElseThrow();

        assertEquals(new CallEventLog.Event("QueueEntered", "1-17126@127.0.0.1", Instant.parse("2026-11-22T13:11:02.900215529Z"),
                "backlog", null), event);
        assertTrue(CallEventLog.parse("13:11:02.901 INFO  [main] org.hotline.Hotline sipPort=\"1\" Hotline is answering").isEmpty());
    }

    @Test
    void timesRuleR7FromQueueEntryToTheAnnouncementInEveryQueue(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.out");
        Files.write(log, List.of(
                event("1-9@127.0.0.1", "QueueEntered", "2026-11-22T13:00:00Z", "queue=backlog, priority=0, position=1"),
                event("2-9@127.0.0.1", "QueueEntered", "2026-11-22T13:00:01Z", "queue=general, priority=0, position=1"),
                event("3-9@127.0.0.1", "QueueEntered", "2026-11-22T13:00:02Z", "queue=general, priority=0, position=2"),
                event("3-9@127.0.0.1", "AgentConnected", "2026-11-22T13:00:04Z", "queue=general, agent=7001, waited=PT2S"),
                event("1-9@127.0.0.1", "WaitAnnounced", "2026-11-22T13:00:45.004Z", "queue=backlog, position=1, expectedWait=Optional.empty"),
                event("2-9@127.0.0.1", "WaitAnnounced", "2026-11-22T13:00:45.999Z", "queue=general, position=1, expectedWait=Optional[PT1M]"),
                event("1-9@127.0.0.1", "QueueAbandoned", "2026-11-22T13:01:00Z", "queue=backlog, waited=PT60S, whileOffered=false"),
                event("2-9@127.0.0.1", "AgentConnected", "2026-11-22T13:01:00Z", "queue=general, agent=7002, waited=PT59S"),
                event("8-1@127.0.0.1", "QueueEntered", "2026-11-22T13:00:00Z", "queue=backlog, priority=0, position=1")));

        CallEventLog events = CallEventLog.read(log, id -> id.contains("-9@"));

        assertEquals(List.of(Duration.ofMillis(4), Duration.ofMillis(-1)), events.announcementErrors(Duration.ofSeconds(45)));
        assertEquals(2, events.waitedAtLeast(Duration.ofSeconds(45)), "1 and 2; 3 was connected after 2 s");
        assertEquals(1, events.entered("backlog"), "call 8-1 is not one of the load's");
        assertEquals(2, events.count("AgentConnected"));
    }

    private static String event(String callId, String type, String at, String fields) {
        return "13:00:00.000 INFO  [acd] org.hotline.calls callId=\"" + callId + "\" event=\"" + type + "\" " + type
                + "[callId=" + callId + ", at=" + at + ", " + fields + "]";
    }

    @Test
    void nearestRankPercentiles() {
        Percentiles p = Percentiles.of(List.of(5.0, 1.0, 3.0, 2.0, 4.0));

        assertEquals(List.of(3.0, 5.0, 5.0), List.of(p.p50(), p.p99(), p.max()));
        assertEquals(0, Percentiles.of(List.of()).count());
    }

    @Test
    void optionsDeriveCallsFromRateAndDurationAndSplitTheWaitingShare() {
        BenchOptions o = BenchOptions.parse(new String[] {"--cps", "10", "--duration", "1m", "--concurrency", "300",
            "--wait-share", "0.1", "--call-length", "2m", "--set", "recording.directory={run}/rec"});

        assertEquals(600, o.calls());
        assertEquals(60, o.waitingCalls());
        assertEquals(540, o.agentCalls());
        assertEquals(Duration.ofSeconds(70), o.waitLength(), "key after 5 s + R7's 45 s + 20 s");
        assertEquals(o.runDirectory().resolve("rec").toString(), o.serverSettings().get("recording.directory"));
        assertEquals(Optional.of(o.runDirectory().resolve("rec")), o.recordingsDir(), "checked where the server writes them");
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--wait-share", "2"}));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--cals", "2"}));
    }

    @Test
    void recordsEverythingIntoTheRunDirectoryUnlessToldNone() {
        BenchOptions recorded = BenchOptions.parse(new String[] {});
        BenchOptions unrecorded = BenchOptions.parse(new String[] {"--recording", "none"});

        assertEquals("all", recorded.recording());
        assertEquals(Optional.of(recorded.runDirectory().resolve("recordings")), recorded.recordingsDir());
        assertEquals(Optional.empty(), unrecorded.recordingsDir());
        assertFalse(unrecorded.serverSettings().containsKey("recording.directory"));
    }

    @Test
    void printsRelayDelayBucketBoundsAndTheOpenLastBucketWithoutOverflow() {
        assertEquals("<= 500 us", BenchResult.bound(500_000));
        assertEquals("<= 20ms", BenchResult.bound(20_000_000));
        assertEquals("> 2s", BenchResult.bound(Long.MAX_VALUE));
    }

    @Test
    void addsUpTheGapsTheRecorderReportedInTheServerLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.out");
        Files.writeString(log, String.join("\n",
                "14:39:55.193 WARN  [recording-5-21577@127.0.0.1] o.h.r.RecordingWriter callId=\"5-21577@127.0.0.1\""
                        + " recordingId=\"7ca7\" queueOverflowPackets=\"2\" lateSamples=\"570964\" unknownPayloadPackets=\"0\""
                        + " recording has gaps: packets dropped or late",
                "14:39:55.194 INFO  [recording-4-21577@127.0.0.1] o.h.r.RecordingEvents callId=\"4\" lengthMs=\"1\" recording finished",
                "14:39:55.195 WARN  [recording-4-21577@127.0.0.1] o.h.r.RecordingWriter callId=\"4-21577@127.0.0.1\""
                        + " recordingId=\"3238\" queueOverflowPackets=\"0\" lateSamples=\"36\" unknownPayloadPackets=\"0\""
                        + " recording has gaps: packets dropped or late"));

        assertEquals(new Recordings.Gaps(2, 571_000, 2), Recordings.Gaps.read(log));
    }
}
