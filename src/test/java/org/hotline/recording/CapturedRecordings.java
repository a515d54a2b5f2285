package org.hotline.recording;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link RecordingListener} for tests: keeps every callback in order and lets the test wait for
 * the next one with a deadline. Thread-safe.
 */
public final class CapturedRecordings implements RecordingListener {

    /** One callback: {@code info} for started and finished, {@code callId} and {@code cause} for failed. */
    public record Event(String kind, RecordingInfo info, String callId, Throwable cause) {
        public static final String STARTED = "started";
        public static final String FINISHED = "finished";
        public static final String FAILED = "failed";
    }

    private final LinkedBlockingQueue<Event> pending = new LinkedBlockingQueue<>();
    private final List<Event> all = new ArrayList<>();

    @Override
    public void recordingStarted(RecordingInfo info) {
        add(new Event(Event.STARTED, info, info.callId(), null));
    }

    @Override
    public void recordingFinished(RecordingInfo info) {
        add(new Event(Event.FINISHED, info, info.callId(), null));
    }

    @Override
    public void recordingFailed(String callId, Throwable cause) {
        add(new Event(Event.FAILED, null, callId, cause));
    }

    /** The next callback not yet taken that matches; earlier ones that do not match are skipped. */
    public Event await(Predicate<Event> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Event next = pending.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + what + " within " + timeout + "; so far: " + all());
                }
                if (match.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public RecordingInfo awaitStarted(Duration timeout) {
        return await(e -> e.kind().equals(Event.STARTED), timeout, "recording started").info();
    }

    public RecordingInfo awaitFinished(Duration timeout) {
        return await(e -> e.kind().equals(Event.FINISHED), timeout, "recording finished").info();
    }

    public synchronized List<Event> all() {
        return List.copyOf(all);
    }

    private synchronized void add(Event event) {
        all.add(event);
        pending.add(event);
    }
}
