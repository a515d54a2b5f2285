package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One queued caller's inbox: the ACD executor and the front post {@link CallerCommand}s, the
 * caller's virtual thread takes them in order. Once closed, posts are refused so the poster can
 * clean up what the caller will never read (an answered agent leg). Thread-safe; a lock rather
 * than {@code synchronized} so a virtual thread waiting here does not pin its carrier.
 */
final class CallerMailbox {

    private final String callId;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition posted = lock.newCondition();
    private final Deque<CallerCommand> commands = new ArrayDeque<>();
    private boolean closed;

    CallerMailbox(String callId) {
        this.callId = callId;
    }

    String callId() {
        return callId;
    }

    /** Adds a command for the caller; false once the caller has left (the command was not taken). */
    boolean post(CallerCommand command) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            commands.addLast(command);
            posted.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next command, waiting up to {@code timeout} (forever when empty); empty on timeout.
     *
     * @throws IllegalStateException if the caller's thread is interrupted (interrupt flag kept), or
     *                               the mailbox was closed with nothing left in it (the ACD stopped)
     */
    Optional<CallerCommand> take(Optional<Duration> timeout) {
        lock.lock();
        try {
            long nanos = timeout.map(Duration::toNanos).orElse(Long.MAX_VALUE);
            while (commands.isEmpty()) {
                if (closed) {
                    throw new IllegalStateException("mailbox of " + callId + " closed: the ACD stopped");
                }
                if (timeout.isPresent() && nanos <= 0) {
                    return Optional.empty();
                }
                if (timeout.isPresent()) {
                    nanos = posted.awaitNanos(nanos);
                } else {
                    posted.await();
                }
            }
            return Optional.of(commands.removeFirst());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queued: " + callId, e);
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further posts and returns what was never taken. */
    List<CallerCommand> close() {
        lock.lock();
        try {
            closed = true;
            List<CallerCommand> left = List.copyOf(commands);
            commands.clear();
            posted.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}
