package org.hotline.sip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.media.MediaEngine;
import org.hotline.media.MediaSession;
import org.hotline.media.PortsExhaustedException;

/** A media engine without sockets: hands out {@link FakeMediaSession}s on made-up even ports. */
final class FakeMediaEngine implements MediaEngine {

    private final AtomicInteger nextPort = new AtomicInteger(40000);
    private final List<FakeMediaSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<MediaSession, MediaSession> nearOf = new ConcurrentHashMap<>();
    private volatile int capacity = Integer.MAX_VALUE;

    void limitTo(int sessionsInUse) {
        capacity = sessionsInUse;
    }

    @Override
    public MediaSession open(String callId) {
        if (sessionsInUse() >= capacity) {
            throw new PortsExhaustedException(40000, 40000 + 2 * capacity - 1);
        }
        FakeMediaSession s = new FakeMediaSession(callId, nextPort.getAndAdd(2));
        sessions.add(s);
        return s;
    }

    /** Records where the session was asked to open ({@link #openedNear}). */
    @Override
    public MediaSession open(String callId, MediaSession near) {
        MediaSession session = open(callId);
        nearOf.put(session, near);
        return session;
    }

    /** The session {@code session} was opened near, if it was opened with that hint. */
    MediaSession openedNear(MediaSession session) {
        return nearOf.get(session);
    }

    @Override
    public int sessionsInUse() {
        return (int) sessions.stream().filter(s -> !s.isClosed()).count();
    }

    FakeMediaSession session(String callId) {
        return sessions.stream().filter(s -> s.callId().equals(callId)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no media session for " + callId));
    }

    /** The most recent session whose call id starts with {@code prefix} (agent legs: caller's id + "/agent-"). */
    FakeMediaSession sessionStartingWith(String prefix) {
        return sessions.stream().filter(s -> s.callId().startsWith(prefix)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no media session for " + prefix));
    }

    @Override
    public void close() {
        sessions.forEach(FakeMediaSession::close);
    }
}
