package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.recording.RecordingInfo;
import org.hotline.recording.RecordingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsteriskRecordingsTest {

    private static final Instant CONNECTED = Instant.parse("2026-11-22T02:00:00Z");

    private final List<RecordingInfo> finished = new ArrayList<>();
    private final AsteriskRecordings recordings = new AsteriskRecordings(new RecordingListener() {
        @Override
        public void recordingStarted(RecordingInfo info) {
        }

        @Override
        public void recordingFinished(RecordingInfo info) {
            finished.add(info);
        }

        @Override
        public void recordingFailed(String callId, Throwable cause) {
            throw new AssertionError(cause);
        }
    });

    @Test
    void aFinishedMixMonitorFileIsRegisteredWithItsHashLengthAndOneTalkSegment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("1732240800.17-1001.wav");
        Files.writeString(file, "abc", StandardCharsets.US_ASCII);

        recordings.recordingFinished(new AgiRecordingListener.Recording("1732240800.17", "1001", "general",
                file.toString(), CONNECTED, CONNECTED.plusSeconds(95)));

        RecordingInfo info = finished.getFirst();
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", info.sha256(), "SHA-256 of abc");
        assertEquals(Duration.ofSeconds(95), info.length());
        assertEquals("agi-1732240800_17-1001", info.id(), "URL- and file-name-safe");
        assertEquals(List.of(new RecordingInfo.Segment(RecordingInfo.Segment.TALK, CONNECTED, CONNECTED.plusSeconds(95), "1001")),
                info.segments());
        assertTrue(info.finished());
    }

    @Test
    void aFileAsteriskKeepsOutOfReachIsRegisteredWithoutAHash(@TempDir Path dir) {
        recordings.recordingFinished(new AgiRecordingListener.Recording("c1", "1002", "billing",
                dir.resolve("missing.wav").toString(), CONNECTED, CONNECTED.plusSeconds(3)));

        assertNull(finished.getFirst().sha256());
        assertEquals("1002", finished.getFirst().agent());
    }
}
