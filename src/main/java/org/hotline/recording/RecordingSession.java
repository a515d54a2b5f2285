package org.hotline.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hotline.media.rtp.RtpPacket;

/**
 * One call's recording while it runs: what the media taps hand in ({@link #onAudio}, from the RTP
 * event loops, never blocking), its segments, and its writer ({@link RecordingWriter}) on a
 * virtual thread of its own named {@code recording-<Call-ID>}. {@link #finish} marks the end on the
 * monotonic clock; the writer then writes up to exactly there, closes and reports.
 *
 * <p>Threading: {@link #onAudio}, {@link #segments} and {@link #finish} from any thread; the file
 * and the timeline belong to the writer thread.
 */
final class RecordingSession {

    /** What is fixed when the recording starts. */
    record Meta(String id, String callId, Path file, Instant started, String queue, String agent) {
        Meta {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(started, "started");
        }
    }

    static final long NOT_ENDED = Long.MIN_VALUE;

    private final Meta meta;
    private final RecordingTiming timing;
    private final long startNanos;
    private final FrameQueue frames;
    private final SegmentLog segments;
    private final AtomicLong endNanos = new AtomicLong(NOT_ENDED);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Thread writer;

    private RecordingSession(Meta meta, RecordingTiming timing, long startNanos) {
        this.meta = meta;
        this.timing = timing;
        this.startNanos = startNanos;
        this.frames = new FrameQueue(timing.queueFrames());
        this.segments = new SegmentLog(meta.started(), meta.agent());
    }

    /** Starts recording now (the timeline's zero) and its writer thread. */
    static RecordingSession start(Meta meta, RecordingTiming timing, RecordingListener events) {
        return start(meta, timing, timing.nanoTime().getAsLong(), events);
    }

    /** Starts recording with its timeline's zero at {@code startNanos} (on {@code timing}'s clock) and its writer thread. */
    static RecordingSession start(Meta meta, RecordingTiming timing, long startNanos, RecordingListener events) {
        RecordingSession session = new RecordingSession(meta, timing, startNanos);
        session.writer = Thread.ofVirtual().name("recording-" + meta.callId())
                .start(new RecordingWriter(session, events));
        return session;
    }

    Meta meta() {
        return meta;
    }

    RecordingTiming timing() {
        return timing;
    }

    long startNanos() {
        return startNanos;
    }

    /** {@link #NOT_ENDED} until {@link #finish}. */
    long endNanos() {
        return endNanos.get();
    }

    FrameQueue frames() {
        return frames;
    }

    SegmentLog segments() {
        return segments;
    }

    /** A packet one leg's phone sent, as it arrived (on an RTP event loop: never blocks). */
    void onAudio(Leg leg, RtpPacket packet) {
        frames.offer(new FrameQueue.Frame(leg, packet, timing.nanoTime().getAsLong()));
    }

    /** The call ended now: the recording ends here. Idempotent (the first end counts). */
    void finish() {
        finish(timing.nanoTime().getAsLong());
    }

    /** The call ended at {@code atNanos} (on the timing's clock). Idempotent (the first end counts). */
    void finish(long atNanos) {
        if (endNanos.compareAndSet(NOT_ENDED, atNanos)) {
            Thread w = writer;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    /** Completes when the writer is done (finished or failed). */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Waits for the writer at most {@code timeout}; true if it is done. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Frames the event loops dropped because the writer was too far behind. */
    long droppedFrames() {
        return frames.dropped();
    }

    void writerDone() {
        done.complete(null);
    }
}
