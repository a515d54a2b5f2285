package org.hotline.sip;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.hotline.call.AgentLeg.LegEvent;
import org.hotline.call.CallHungUpException;

/**
 * The events of one agent leg in arrival order, fed by SIP stack threads (the agent's re-INVITE,
 * REFER, BYE) and taken by the caller's virtual thread in {@link #await}. Once the leg has ended,
 * an empty queue answers {@link LegEvent#HUNG_UP}; once the caller has hung up, {@link #await}
 * throws. Thread-safe; producers never block.
 */
final class LegEvents {

    private final String callerCallId;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<LegEvent> events = new ArrayDeque<>();
    private boolean legEnded;
    private boolean callerGone;

    LegEvents(String callerCallId) {
        this.callerCallId = callerCallId;
    }

    void add(LegEvent event) {
        lock.lock();
        try {
            if (!legEnded) {
                events.addLast(event);
                if (event == LegEvent.HUNG_UP) {
                    legEnded = true;
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The leg is over (either side hung up); nothing more will be queued. */
    void legEnded() {
        lock.lock();
        try {
            legEnded = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void callerGone() {
        lock.lock();
        try {
            callerGone = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next event, waiting up to {@code timeout}; {@link LegEvent#TIMEOUT} if none came.
     *
     * @throws CallHungUpException if the caller has hung up
     */
    LegEvent await(Duration timeout) {
        long remainingNanos = timeout.toNanos();
        lock.lock();
        try {
            while (events.isEmpty() && !legEnded && !callerGone && remainingNanos > 0) {
                remainingNanos = changed.awaitNanos(remainingNanos);
            }
            if (callerGone) {
                throw new CallHungUpException(callerCallId);
            }
            LegEvent next = events.pollFirst();
            if (next != null) {
                return next;
            }
            return legEnded ? LegEvent.HUNG_UP : LegEvent.TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an agent leg event of " + callerCallId, e);
        } finally {
            lock.unlock();
        }
    }
}
