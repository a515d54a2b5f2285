package org.hotline.agi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotline.recording.RecordingInfo;
import org.hotline.recording.RecordingListener;
import org.hotline.recording.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the recordings Asterisk's MixMonitor makes of AGI calls (rule R14) through the same
 * {@link RecordingListener} the standalone recorder reports to, so the store, QA sampling and
 * metrics see them alike: one TALK segment per agent, the SHA-256 taken when the file is final and
 * readable here (Asterisk and Hotline share the recordings volume, see docker-compose.yml).
 *
 * <p>Threading: called on the caller's virtual thread; stateless.
 */
final class AsteriskRecordings implements AgiRecordingListener {

    private static final Logger log = LoggerFactory.getLogger(AsteriskRecordings.class);

    private final RecordingListener listener;

    AsteriskRecordings(RecordingListener listener) {
        this.listener = listener;
    }

    @Override
    public void recordingStarted(Recording recording) {
        listener.recordingStarted(info(recording, null));
    }

    @Override
    public void recordingFinished(Recording recording) {
        Path file = Path.of(recording.file());
        if (!Files.isReadable(file)) {
            log.atWarn().addKeyValue("callId", recording.callId()).addKeyValue("file", file)
                    .log("Asterisk's recording is not readable here; registered without a SHA-256");
            listener.recordingFinished(info(recording, null));
            return;
        }
        try {
            listener.recordingFinished(info(recording, Sha256.of(file)));
        } catch (IOException e) {
            listener.recordingFailed(recording.callId(), e);
        }
    }

    private static RecordingInfo info(Recording recording, String sha256) {
        Duration length = recording.ended() == null ? Duration.ZERO : Duration.between(recording.started(), recording.ended());
        return new RecordingInfo(id(recording), recording.callId(), Path.of(recording.file()), recording.started(),
                recording.ended(), length, sha256,
                List.of(new RecordingInfo.Segment(RecordingInfo.Segment.TALK, recording.started(), recording.ended(),
                        recording.agent())),
                recording.queue(), recording.agent(), false);
    }

    /** Safe in a URL and a file name, like the recorder's ids: Asterisk's channel ids may hold dots. */
    private static String id(Recording recording) {
        return ("agi-" + recording.callId() + "-" + recording.agent()).replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
