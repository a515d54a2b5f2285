package org.hotline.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.media.Codec;
import org.hotline.media.codec.G711;
import org.hotline.media.rtp.RtpPacket;
import org.hotline.recording.RecordingInfo.Segment;
import org.hotline.system.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording's writer end to end on a fake monotonic clock: the WAV spans exactly connect to end,
 * each leg's packets are decoded into its channel, the sidecar and the listener see the same
 * finished recording with its SHA-256; a crash mid-call leaves files that start-up repairs to
 * every whole frame written and reports as repaired.
 */
class RecordingSessionTest {

    private static final Instant CONNECTED = Instant.parse("2026-03-10T02:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long MS = 1_000_000L;
    private static final long START = 5_000 * MS;
    private static final int FRAME = 160;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(START);
    private final RecordingTiming timing = new RecordingTiming(now::get, Duration.ofMillis(2), Duration.ofMillis(300),
            Duration.ofSeconds(1), 16_000, 1000);
    private final CapturedRecordings listener = new CapturedRecordings();

    @Test
    void theWavSpansConnectToEndWithTheCallerLeftTheAgentRightAndItsHashInTheSidecar() throws IOException {
        RecordingSession session = RecordingSession.start(meta("rec-1"), timing, listener);
        RecordingInfo started = listener.awaitStarted(WAIT);
        assertNull(started.sha256());
        assertEquals(Sidecar.State.RECORDING, Sidecar.read(Sidecar.of(started.file())).state());

        sendBothLegs(session, 0, 100);
        now.addAndGet(5 * MS);
        session.finish();
        RecordingInfo finished = listener.awaitFinished(WAIT);

        StereoWav wav = StereoWav.read(finished.file());
        assertEquals(100 * FRAME + 40, wav.frames(), "2.005 s from connect to end, to the sample");
        assertEquals(Duration.ofMillis(2005), finished.length());
        assertEquals(CONNECTED.plusMillis(2005), finished.ended());
        for (int k = 0; k < 100; k++) {
            assertArrayEquals(level(callerLevel(k)), Arrays.copyOfRange(wav.left(), k * FRAME, (k + 1) * FRAME), "caller " + k);
            assertArrayEquals(level(agentLevel(k)), Arrays.copyOfRange(wav.right(), k * FRAME, (k + 1) * FRAME), "agent " + k);
        }
        assertEquals(Sha256.of(finished.file()), finished.sha256());
        assertEquals(new Sidecar.Stored(finished, Sidecar.State.FINISHED), Sidecar.read(Sidecar.of(finished.file())));
        assertEquals(List.of(new Segment(Segment.TALK, CONNECTED, CONNECTED.plusMillis(2005), "1001")), finished.segments());
        assertFalse(finished.repairedAfterCrash());
        assertEquals(List.of(CapturedRecordings.Event.STARTED, CapturedRecordings.Event.FINISHED),
                listener.all().stream().map(CapturedRecordings.Event::kind).toList());
    }

    @Test
    void aRecordingCutShortByACrashIsRepairedToWhatReachedTheFileAndReportedAsRepaired() throws IOException {
        RecordingSession session = RecordingSession.start(meta("rec-2"), timing, listener);
        RecordingInfo started = listener.awaitStarted(WAIT);
        sendBothLegs(session, 0, 50);
        session.segments().held(CONNECTED.plusSeconds(1), "1001");
        now.addAndGet(500 * MS); // 1.5 s after connect: 1.2 s are due on disk (300 ms behind)
        Path wavFile = started.file();
        Await.until(() -> dataFrames(wavFile) == 9600 && sidecarHasHold(wavFile), WAIT,
                () -> "1.2 s written and the hold in the sidecar; frames " + dataFrames(wavFile));

        Path crashed = dir.resolve("after-crash");
        Files.createDirectories(crashed.resolve("2026-03-10"));
        Files.copy(Sidecar.of(wavFile), crashed.resolve("2026-03-10/rec-2.json"));
        Files.copy(wavFile, crashed.resolve("2026-03-10/rec-2.wav"));
        session.finish();
        listener.awaitFinished(WAIT);

        CapturedRecordings afterRestart = new CapturedRecordings();
        assertEquals(1, StartupRepair.run(crashed, afterRestart));

        RecordingInfo repaired = afterRestart.awaitFinished(WAIT);
        assertTrue(repaired.repairedAfterCrash());
        assertEquals("call-1", repaired.callId());
        assertEquals(crashed.resolve("2026-03-10/rec-2.wav"), repaired.file());
        assertEquals(Duration.ofMillis(1200), repaired.length());
        StereoWav wav = StereoWav.read(repaired.file());
        assertEquals(9600, wav.frames());
        assertArrayEquals(level(agentLevel(49)), Arrays.copyOfRange(wav.right(), 49 * FRAME, 50 * FRAME));
        assertEquals(Sha256.of(repaired.file()), repaired.sha256());
        assertEquals(List.of(
                new Segment(Segment.TALK, CONNECTED, CONNECTED.plusSeconds(1), "1001"),
                new Segment(Segment.HOLD, CONNECTED.plusSeconds(1), CONNECTED.plusMillis(1200), "1001")), repaired.segments());
        assertEquals(new Sidecar.Stored(repaired, Sidecar.State.FINISHED),
                Sidecar.read(crashed.resolve("2026-03-10/rec-2.json")));
        assertEquals(0, StartupRepair.run(crashed, afterRestart), "repaired once");
    }

    @Test
    void aSidecarWhoseWavNeverAppearedIsReportedFailed() throws IOException {
        Path wavFile = dir.resolve("2026-03-10/rec-3.wav");
        Files.createDirectories(wavFile.getParent());
        RecordingInfo unfinished = new RecordingInfo("rec-3", "call-3", wavFile, CONNECTED, null, Duration.ZERO, null,
                List.of(new Segment(Segment.TALK, CONNECTED, null, "1001")), "general", "1001", false);
        Sidecar.write(unfinished, Sidecar.State.RECORDING);

        assertEquals(0, StartupRepair.run(dir, listener));

        CapturedRecordings.Event failed = listener.await(e -> true, WAIT, "a report");
        assertEquals(CapturedRecordings.Event.FAILED, failed.kind());
        assertEquals("call-3", failed.callId());
        assertInstanceOf(NoSuchFileException.class, failed.cause());
        assertEquals(Sidecar.State.FAILED, Sidecar.read(Sidecar.of(wavFile)).state());
    }

    @Test
    void anUnwritableDirectoryReportsTheRecordingFailed() throws IOException, InterruptedException {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        RecordingSession session = RecordingSession.start(new RecordingSession.Meta("rec-4", "call-4",
                notADirectory.resolve("2026-03-10/rec-4.wav"), CONNECTED, "general", "1001"), timing, listener);

        CapturedRecordings.Event failed = listener.await(e -> true, WAIT, "a report");

        assertEquals(CapturedRecordings.Event.FAILED, failed.kind());
        assertEquals("call-4", failed.callId());
        assertTrue(session.awaitDone(WAIT), "the writer is done");
    }

    @Test
    void aFullQueueDropsNewPacketsAndCountsThemNeverBlocking() {
        FrameQueue queue = new FrameQueue(3);
        RtpPacket packet = new RtpPacket(false, 0, 1, 160, 0x1111, new byte[FRAME]);
        int accepted = 0;
        for (int i = 0; i < 5; i++) {
            accepted += queue.offer(new FrameQueue.Frame(Leg.CALLER, packet, i)) ? 1 : 0;
        }
        List<FrameQueue.Frame> drained = new java.util.ArrayList<>();
        queue.drain(drained::add);

        assertEquals(3, accepted);
        assertEquals(2, queue.dropped());
        assertEquals(List.of(0L, 1L, 2L), drained.stream().map(FrameQueue.Frame::arrivalNanos).toList());
        assertTrue(queue.offer(new FrameQueue.Frame(Leg.AGENT, packet, 9)), "room again after the drain");
    }

    private RecordingSession.Meta meta(String id) {
        return new RecordingSession.Meta(id, "call-1", dir.resolve("2026-03-10").resolve(id + ".wav"), CONNECTED,
                "general", "1001");
    }

    /** Packets {@code from} to {@code to - 1} of both legs, one every 20 ms of the fake clock, each arriving at its end. */
    private void sendBothLegs(RecordingSession session, int from, int to) {
        for (int k = from; k < to; k++) {
            now.addAndGet(20 * MS);
            session.onAudio(Leg.CALLER, packet(0x1111, k, callerLevel(k)));
            session.onAudio(Leg.AGENT, packet(0x2222, k, agentLevel(k)));
        }
    }

    private static RtpPacket packet(long ssrc, int k, int level) {
        byte[] payload = new byte[FRAME];
        Arrays.fill(payload, G711.encode(Codec.PCMU, (short) level));
        return new RtpPacket(false, Codec.PCMU.payloadType(), k & 0xFFFF, 4000L + (long) k * FRAME, ssrc, payload);
    }

    /** What a level sounds like after G.711 µ-law. */
    private static short[] level(int value) {
        short[] samples = new short[FRAME];
        Arrays.fill(samples, G711.decode(Codec.PCMU, G711.encode(Codec.PCMU, (short) value)));
        return samples;
    }

    private static int callerLevel(int k) {
        return 2000 + 50 * k;
    }

    private static int agentLevel(int k) {
        return -3000 - 40 * k;
    }

    private static long dataFrames(Path wav) {
        try {
            return (Files.size(wav) - WavFormat.HEADER_BYTES) / WavFormat.FRAME_BYTES;
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean sidecarHasHold(Path wav) {
        try {
            return Sidecar.read(Sidecar.of(wav)).info().segments().stream().anyMatch(s -> s.kind().equals(Segment.HOLD));
        } catch (IOException e) {
            return false;
        }
    }
}
