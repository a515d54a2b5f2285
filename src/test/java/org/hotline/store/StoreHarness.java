package org.hotline.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.hotline.acd.AcdEvent;
import org.hotline.config.StoreConfig;
import org.hotline.event.CallEvent;

/** Opens stores for tests and feeds them events; bounded waits, no sleeps. */
final class StoreHarness {

    static final Instant MONDAY = Instant.parse("2026-03-02T01:00:00Z");
    static final Clock CLOCK = Clock.fixed(MONDAY, ZoneOffset.UTC);
    static final Duration BOUND = Duration.ofSeconds(20);

    private StoreHarness() {
    }

    static StoreConfig config(String jdbcUrl, Path spool) {
        return new StoreConfig(jdbcUrl, "hotline", "", 2, spool, Duration.ofMillis(500), Duration.ofMillis(200));
    }

    static void feed(Store store, List<Object> events) {
        for (Object event : events) {
            switch (event) {
                case CallEvent call -> store.keeper().onEvent(call);
                case AcdEvent acd -> store.keeper().onEvent(acd);
                default -> throw new IllegalArgumentException(event.toString());
            }
        }
    }

    static void flush(Store store) {
        try {
            store.flush().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the store did not flush within " + BOUND, e);
        }
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + BOUND + " waiting until " + what);
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
