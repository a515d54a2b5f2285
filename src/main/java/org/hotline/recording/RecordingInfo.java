package org.hotline.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One call's stereo recording (rule R14: caller left, agent right), as the recorder reports it to
 * its {@link RecordingListener}. While recording, {@code ended}, {@code length} and {@code sha256}
 * are null; {@code file} is server-side only and never shown by the HTTP API.
 *
 * @param segments           the parts of the call the file covers (talk, hold, transfer), in order
 * @param repairedAfterCrash the file was left unfinished by a crash and repaired on start-up
 */
public record RecordingInfo(String id, String callId, Path file, Instant started, Instant ended, Duration length,
        String sha256, List<Segment> segments, String queue, String agent, boolean repairedAfterCrash) {

    public RecordingInfo {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /**
     * A stretch of the recording: {@code kind} such as {@code TALK} or {@code HOLD}, with the agent
     * on the line; {@code to} is null while it lasts.
     */
    public record Segment(String kind, Instant from, Instant to, String agent) {}
}
