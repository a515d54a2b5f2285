package org.hotline.system;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition on an external program (a file appears, a log line is written) with a
 * deadline. The only place the system tests poll; everything event-driven waits on its queue instead.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /** Returns once {@code condition} holds; throws naming {@code what} past the deadline. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        until(condition, timeout, POLL, what);
    }

    /** As {@link #until(BooleanSupplier, Duration, Supplier)}, checking every {@code every} (for costly checks). */
    public static void until(BooleanSupplier condition, Duration timeout, Duration every, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what.get(), e);
            }
        }
    }
}
