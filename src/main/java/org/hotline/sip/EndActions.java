package org.hotline.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must happen once when a caller's call ends: the ACD's hang-up notices, cancelling the
 * agent offers still ringing, ending the agent legs. Actions are run once, outside the lock, by
 * the thread that ends the call; one added after the end runs at once on the adding thread.
 * Thread-safe. Actions must not block; one that throws is logged and the others still run.
 */
final class EndActions {

    private static final Logger log = LoggerFactory.getLogger(EndActions.class);

    private final String callId;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Runnable> pending = new ArrayList<>();
    private boolean ran;

    EndActions(String callId) {
        this.callId = callId;
    }

    /** Runs {@code action} when the call ends, or now if it has. */
    void add(Runnable action) {
        lock.lock();
        try {
            if (!ran) {
                pending.add(action);
                return;
            }
        } finally {
            lock.unlock();
        }
        runSafely(action);
    }

    /** Forgets an action that is no longer needed (an offer decided, a leg ended). */
    void remove(Runnable action) {
        lock.lock();
        try {
            pending.remove(action);
        } finally {
            lock.unlock();
        }
    }

    /** Runs every pending action once; later calls do nothing. */
    void runAll() {
        List<Runnable> due;
        lock.lock();
        try {
            if (ran) {
                return;
            }
            ran = true;
            due = List.copyOf(pending);
            pending.clear();
        } finally {
            lock.unlock();
        }
        due.forEach(this::runSafely);
    }

    int pending() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    private void runSafely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).setCause(e).log("end-of-call action failed");
        }
    }
}
