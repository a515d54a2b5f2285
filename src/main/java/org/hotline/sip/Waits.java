package org.hotline.sip;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on futures for the blocking side of a call (its virtual thread, or close()). */
final class Waits {

    private Waits() {
    }

    /** Waits up to {@code timeout}; true if the future completed (normally or not) in time. */
    static boolean await(CompletableFuture<?> future, Duration timeout) throws InterruptedException {
        try {
            future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }
}
