package org.hotline.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.hotline.recording.RecordingInfo.Segment;

/**
 * The segments of one recording as the call's events come in: TALK on each connect, HOLD and back
 * to TALK on the agent's hold and resume, QUEUE after a transfer, AFTER_AGENT once the agent hung
 * up. The ACD reports the end of the agent's part ({@code AgentCallEnded}) on its own thread while
 * the caller's thread reports a transfer, so the two may arrive in either order; both orders give
 * one QUEUE segment from the earlier of the two.
 *
 * <p>Threading: thread-safe; events come from the ACD thread, the caller's virtual thread and SIP
 * stack threads, the writer reads {@link #snapshot} and {@link #version}.
 */
final class SegmentLog {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Segment> closed = new ArrayList<>();
    private Segment open;
    private long version;

    SegmentLog(Instant connectedAt, String agent) {
        open = new Segment(Segment.TALK, connectedAt, null, agent);
    }

    void connected(Instant at, String agent) {
        change(at, Segment.TALK, agent, null);
    }

    void held(Instant at, String agent) {
        change(at, Segment.HOLD, agent, Segment.TALK);
    }

    void resumed(Instant at, String agent) {
        change(at, Segment.TALK, agent, Segment.HOLD);
    }

    /** The agent's part ended by a transfer: the caller waits for the next agent. */
    void transferred(Instant at) {
        lock.lock();
        try {
            if (open != null && open.kind().equals(Segment.AFTER_AGENT)) {
                open = new Segment(Segment.QUEUE, open.from(), null, null);
                version++;
            } else {
                openNew(at, Segment.QUEUE, null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The agent's part ended (hang-up, or the ACD's view of a transfer, which may come first). */
    void agentLeft(Instant at) {
        lock.lock();
        try {
            if (open == null || !open.kind().equals(Segment.QUEUE)) {
                openNew(at, Segment.AFTER_AGENT, null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every segment so far, the open one last with {@code to == null}. */
    List<Segment> snapshot() {
        lock.lock();
        try {
            List<Segment> all = new ArrayList<>(closed);
            if (open != null) {
                all.add(open);
            }
            return List.copyOf(all);
        } finally {
            lock.unlock();
        }
    }

    /** Grows with every change: the writer rewrites the sidecar when it moved. */
    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /** The segments of a recording that ended at {@code end}: the open one closed there, none past it. */
    static List<Segment> endedAt(List<Segment> segments, Instant end) {
        List<Segment> result = new ArrayList<>();
        for (Segment s : segments) {
            if (s.from().isAfter(end)) {
                continue;
            }
            result.add(s.to() == null || s.to().isAfter(end) ? s.closedAt(end) : s);
        }
        return List.copyOf(result);
    }

    /** Moves to {@code kind} unless {@code onlyFrom} is given and the open segment is of another kind. */
    private void change(Instant at, String kind, String agent, String onlyFrom) {
        lock.lock();
        try {
            if (onlyFrom == null || (open != null && open.kind().equals(onlyFrom))) {
                openNew(at, kind, agent);
            }
        } finally {
            lock.unlock();
        }
    }

    private void openNew(Instant at, String kind, String agent) {
        Instant from = at;
        if (open != null) {
            from = at.isBefore(open.from()) ? open.from() : at;
            closed.add(open.closedAt(from));
        }
        open = new Segment(kind, from, null, agent);
        version++;
    }
}
