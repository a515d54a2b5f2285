package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waits for tests: poll a condition until a deadline, never sleep blindly. */
final class Await {

    static final Duration DEFAULT = Duration.ofSeconds(5);
    private static final long POLL_NANOS = 1_000_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEFAULT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + DEFAULT + " waiting until " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    static <T> T next(BlockingQueue<T> queue, String what) throws InterruptedException {
        T item = queue.poll(DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            fail("timed out after " + DEFAULT + " waiting for " + what);
        }
        return item;
    }
}
