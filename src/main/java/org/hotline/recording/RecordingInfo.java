package org.hotline.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One call's recording (rule R14) as the store, QA and metrics see it: a stereo WAV, caller on the
 * left and agent on the right, 8 kHz 16-bit PCM, from the moment the caller was first connected to
 * an agent to the call's end, through holds and transfers ({@link #segments}).
 *
 * @param id                 unique, safe in a URL and a file name (the file is {@code <id>.wav})
 * @param callId             the caller's SIP Call-ID
 * @param file               where the WAV is; never exposed by the HTTP API
 * @param started            when the caller was connected to the first agent (the ACD's AgentConnected)
 * @param ended              {@code started + length}; {@code null} while recording
 * @param length             the WAV's duration; {@link Duration#ZERO} while recording
 * @param sha256             lower-case hex of the finished file; {@code null} while recording
 * @param segments           what happened when, in order; while recording the last one may be open
 *                           ({@code to == null})
 * @param queue              the queue of the first connect (whose policy decided to record)
 * @param agent              the work number of the first agent
 * @param repairedAfterCrash the server stopped mid-call; the file was repaired on the next start-up
 *                           and holds the call up to the crash
 */
public record RecordingInfo(String id, String callId, Path file, Instant started, Instant ended, Duration length,
        String sha256, List<Segment> segments, String queue, String agent, boolean repairedAfterCrash) {

    public RecordingInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(length, "length");
        segments = List.copyOf(segments);
    }

    /** Whether the file is finished (closed or repaired, hashed). */
    public boolean finished() {
        return sha256 != null;
    }

    /**
     * A stretch of the recording.
     *
     * @param kind  {@link #TALK}, {@link #HOLD}, {@link #QUEUE} or {@link #AFTER_AGENT}
     * @param from  start (the event's time)
     * @param to    end; {@code null} for the open last segment of a running recording
     * @param agent the agent's work number; {@code null} for QUEUE and AFTER_AGENT
     */
    public record Segment(String kind, Instant from, Instant to, String agent) {

        /** Caller and agent connected, audio relayed both ways. */
        public static final String TALK = "TALK";
        /** The agent holds the caller (rule R7): the caller hears music; the agent channel is what the agent sent. */
        public static final String HOLD = "HOLD";
        /** After a transfer (rule R9), the caller waits in a queue for the next agent. */
        public static final String QUEUE = "QUEUE";
        /** The agent hung up; the caller hears the survey (R11) and the closing (R10) until the call ends. */
        public static final String AFTER_AGENT = "AFTER_AGENT";

        public Segment {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
        }

        public boolean open() {
            return to == null;
        }

        /** This segment ended at {@code at}. */
        Segment closedAt(Instant at) {
            return new Segment(kind, from, at, agent);
        }
    }
}
