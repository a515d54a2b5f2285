package org.hotline.sip;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One call's DTMF digits in arrival order, whichever way they came (RFC 4733 from the media
 * session's event loop, SIP INFO from a stack thread). Producers never block; the call's virtual
 * thread waits in {@link #await}. Thread-safe.
 */
final class DigitBuffer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Character> digits = new ArrayDeque<>();
    private CompletableFuture<Void> nextArrival = new CompletableFuture<>();
    private boolean closed;

    void add(char digit) {
        CompletableFuture<Void> arrival;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            digits.addLast(digit);
            arrival = nextArrival;
            nextArrival = new CompletableFuture<>();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        arrival.complete(null);
    }

    /** The next digit, waiting up to {@code timeout}; empty on timeout or once closed. */
    Optional<Character> await(Duration timeout) throws InterruptedException {
        long remainingNanos = timeout.toNanos();
        lock.lock();
        try {
            while (digits.isEmpty() && !closed && remainingNanos > 0) {
                remainingNanos = changed.awaitNanos(remainingNanos);
            }
            return closed ? Optional.empty() : Optional.ofNullable(digits.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    boolean hasBuffered() {
        lock.lock();
        try {
            return !digits.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Completes when the next digit is added (not for digits already buffered). */
    CompletableFuture<Void> nextArrival() {
        lock.lock();
        try {
            return nextArrival;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            digits.clear();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
