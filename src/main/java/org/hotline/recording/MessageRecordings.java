package org.hotline.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.hotline.config.ConfigException;
import org.hotline.media.rtp.RtpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller's message (issue 8: rules R9, R19, R20) written by the recording pipeline, so it is
 * kept exactly like a call recording (rule R14): the same crash-safe WAV, caller on the left and
 * the right channel silent, its sidecar, SHA-256 and repair at start-up, reported to the same
 * {@link RecordingListener} (the store links it to the call's record). Its one segment is a TALK
 * with no agent. Messages go under their own directory, in day folders like recordings.
 *
 * <p>Thread-safe: {@link #start} from a call's thread; a {@link Message}'s audio from the RTP event
 * loop, its end from the call's thread.
 */
public final class MessageRecordings {

    private static final Logger log = LoggerFactory.getLogger(MessageRecordings.class);

    private final Path directory;
    private final ZoneId zone;
    private final RecordingListener listener;
    private final RecordingTiming timing;

    private MessageRecordings(Path directory, ZoneId zone, RecordingListener listener, RecordingTiming timing) {
        this.directory = directory.toAbsolutePath();
        this.zone = Objects.requireNonNull(zone, "zone");
        this.listener = new RecordingEvents(listener);
        this.timing = timing;
    }

    /**
     * Creates the directory, repairs and reports the messages a crash left unfinished, and is ready.
     *
     * @throws ConfigException if the directory cannot be created or read ({@code messages.directory})
     */
    public static MessageRecordings open(Path directory, ZoneId zone, RecordingListener listener) {
        MessageRecordings messages = new MessageRecordings(directory, zone, listener, RecordingTiming.DEFAULTS);
        try {
            Files.createDirectories(messages.directory);
            int repaired = StartupRepair.run(messages.directory, messages.listener);
            log.atInfo().addKeyValue("directory", messages.directory).addKeyValue("repaired", repaired)
                    .log("messages ready");
        } catch (IOException e) {
            throw new ConfigException(directory.toString(), "messages.directory",
                    "cannot create or read the messages directory: " + e, e);
        }
        return messages;
    }

    /** Starts writing message {@code messageId} of call {@code callId} now; feed it the caller's packets. */
    public Message start(String callId, String messageId, Instant at, String queue) {
        Path file = directory.resolve(LocalDate.ofInstant(at, zone).toString()).resolve(messageId + ".wav");
        CompletableFuture<RecordingInfo> finished = new CompletableFuture<>();
        RecordingListener completing = new RecordingListener() {
            @Override
            public void recordingStarted(RecordingInfo info) {
                listener.recordingStarted(info);
            }

            @Override
            public void recordingFinished(RecordingInfo info) {
                listener.recordingFinished(info);
                finished.complete(info);
            }

            @Override
            public void recordingFailed(String failedCallId, Throwable cause) {
                listener.recordingFailed(failedCallId, cause);
                finished.completeExceptionally(cause);
            }
        };
        RecordingSession session = RecordingSession.start(
                new RecordingSession.Meta(messageId, callId, file, at, queue, null), timing, completing);
        return new Message(session, finished);
    }

    /**
     * Registers a message a front's own media server wrote (behind Asterisk, {@code RECORD FILE})
     * exactly as one written here is reported: started, then finished with its SHA-256, one TALK
     * segment with no agent. A file out of reach here (Asterisk's volume not shared) is registered
     * without a SHA-256, as Asterisk's call recordings are.
     *
     * @throws UncheckedIOException if the file is there but cannot be read (reported as failed first)
     */
    public RecordingInfo register(String callId, String messageId, Path file, Instant at, Duration length, String queue) {
        Instant ended = at.plus(length);
        List<RecordingInfo.Segment> talk = List.of(new RecordingInfo.Segment(RecordingInfo.Segment.TALK, at, ended, null));
        listener.recordingStarted(new RecordingInfo(messageId, callId, file, at, null, Duration.ZERO, null,
                List.of(new RecordingInfo.Segment(RecordingInfo.Segment.TALK, at, null, null)), queue, null, false));
        String sha256 = null;
        if (Files.isReadable(file)) {
            try {
                sha256 = Sha256.of(file);
            } catch (IOException e) {
                listener.recordingFailed(callId, e);
                throw new UncheckedIOException("cannot read message " + messageId + " at " + file, e);
            }
        } else {
            log.atWarn().addKeyValue("callId", callId).addKeyValue("messageId", messageId).addKeyValue("file", file)
                    .log("the media server's message file is not readable here; registered without a SHA-256");
        }
        RecordingInfo info = new RecordingInfo(messageId, callId, file, at, ended, length, sha256, talk, queue, null, false);
        listener.recordingFinished(info);
        return info;
    }

    /** One message being written. */
    public static final class Message {

        private final RecordingSession session;
        private final CompletableFuture<RecordingInfo> finished;

        private Message(RecordingSession session, CompletableFuture<RecordingInfo> finished) {
            this.session = session;
            this.finished = finished;
        }

        /** A packet the caller's phone sent (RTP event loop: never blocks). */
        public void onAudio(RtpPacket packet) {
            session.onAudio(Leg.CALLER, packet);
        }

        /** The message ends now; completes once the file is closed and hashed (or failed). */
        public CompletableFuture<RecordingInfo> finish() {
            session.finish();
            return finished;
        }
    }
}
