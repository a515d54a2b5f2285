package org.hotline.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, before any call: finds the recordings a crash left unfinished (sidecar state
 * RECORDING), repairs each WAV ({@link WavRepair}: every whole frame that reached the file),
 * closes its segments at the repaired end, hashes it, marks the sidecar FINISHED with
 * {@code repairedAfterCrash} and reports it through {@link RecordingListener#recordingFinished}.
 * A sidecar whose WAV is missing is marked FAILED and reported failed. Leftover temporary sidecars
 * (a crash during an atomic write) are deleted: the previous version is the valid one.
 *
 * <p>Runs on the thread that starts the server; stateless.
 */
final class StartupRepair {

    private static final Logger log = LoggerFactory.getLogger(StartupRepair.class);

    private StartupRepair() {
    }

    /** Repairs every unfinished recording under {@code directory}; returns how many were repaired (files reported absolute). */
    static int run(Path directory, RecordingListener events) throws IOException {
        List<Path> sidecars;
        try (Stream<Path> files = Files.walk(directory.toAbsolutePath())) {
            sidecars = files.filter(Files::isRegularFile).toList();
        }
        int repaired = 0;
        for (Path file : sidecars) {
            String name = file.getFileName().toString();
            if (name.endsWith(Sidecar.TEMP_SUFFIX)) {
                Files.deleteIfExists(file);
            } else if (name.endsWith(Sidecar.SUFFIX) && repairIfUnfinished(file, events)) {
                repaired++;
            }
        }
        return repaired;
    }

    private static boolean repairIfUnfinished(Path sidecar, RecordingListener events) {
        Sidecar.Stored stored;
        try {
            stored = Sidecar.read(sidecar);
        } catch (IOException e) {
            log.atWarn().addKeyValue("sidecar", sidecar).setCause(e).log("unreadable recording sidecar left alone");
            return false;
        }
        if (stored.state() != Sidecar.State.RECORDING) {
            return false;
        }
        RecordingInfo info = stored.info();
        try {
            if (!Files.exists(info.file())) {
                Sidecar.write(info, Sidecar.State.FAILED);
                events.recordingFailed(info.callId(), new NoSuchFileException(info.file().toString(), null,
                        "the server stopped before the recording's WAV was created"));
                return false;
            }
            RecordingInfo repaired = repair(info);
            Sidecar.write(repaired, Sidecar.State.FINISHED);
            events.recordingFinished(repaired);
            return true;
        } catch (IOException e) {
            events.recordingFailed(info.callId(), e);
            return false;
        }
    }

    static RecordingInfo repair(RecordingInfo unfinished) throws IOException {
        long frames = WavRepair.repair(unfinished.file());
        Duration length = WavFormat.length(frames);
        Instant ended = unfinished.started().plus(length);
        return new RecordingInfo(unfinished.id(), unfinished.callId(), unfinished.file(), unfinished.started(), ended,
                length, Sha256.of(unfinished.file()), SegmentLog.endedAt(unfinished.segments(), ended),
                unfinished.queue(), unfinished.agent(), true);
    }
}
