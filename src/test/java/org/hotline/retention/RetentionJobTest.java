package org.hotline.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.hotline.config.RecordingRetention;
import org.junit.jupiter.api.Test;

/** The daily schedule of rule R15's retention, on a fake clock the test moves. */
class RetentionJobTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime RUNS_AT = LocalTime.of(3, 30);
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void nextRunIsTodayAtTheHourIfStillAhead() {
        Instant now = Instant.parse("2026-03-01T18:00:00Z"); // 02:00 on the 2nd in Shanghai
        assertEquals(Instant.parse("2026-03-01T19:30:00Z"), RetentionJob.nextRun(now, RUNS_AT, SHANGHAI));
    }

    @Test
    void nextRunIsTomorrowOnceTheHourHasPassed() {
        Instant atTheHour = Instant.parse("2026-03-01T19:30:00Z");
        assertEquals(Instant.parse("2026-03-02T19:30:00Z"), RetentionJob.nextRun(atTheHour, RUNS_AT, SHANGHAI));
    }

    @Test
    void aDaylightSavingGapMovesTheRunLater() {
        ZoneId berlin = ZoneId.of("Europe/Berlin"); // 2026-03-29 02:00 -> 03:00
        Instant before = Instant.parse("2026-03-28T23:00:00Z");
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"),
                RetentionJob.nextRun(before, LocalTime.of(2, 30), berlin), "02:30 does not exist: 03:30 CEST");
    }

    @Test
    void runsOncePerDayWhenTheFakeClockPassesTheHour() {
        FakeClock clock = new FakeClock(Instant.parse("2026-03-01T19:00:00Z"));
        RetentionPass keepAll = new RetentionPass(null, null, null, RecordingRetention.FOREVER, clock);
        try (RetentionJob job = new RetentionJob(keepAll, RUNS_AT, SHANGHAI, clock, Duration.ofMillis(5)).start()) {
            assertEquals(0, job.passes(), "not before 03:30");
            clock.set(Instant.parse("2026-03-01T19:30:00Z"));
            until("the first pass", () -> job.passes() == 1);
            assertEquals(RetentionPass.Outcome.KEEP_FOREVER, job.lastReport().outcome());
            until("the next pass is planned", () -> job.nextPass().equals(Instant.parse("2026-03-02T19:30:00Z")));
            assertEquals(1, job.passes(), "once a day");
            clock.set(Instant.parse("2026-03-02T19:30:00Z"));
            until("the next day's pass", () -> job.passes() == 2);
        }
    }

    @Test
    void closeStopsTheThreadWhileItWaits() {
        FakeClock clock = new FakeClock(Instant.parse("2026-03-01T19:00:00Z"));
        RetentionJob job = new RetentionJob(new RetentionPass(null, null, null, RecordingRetention.FOREVER, clock), RUNS_AT,
                SHANGHAI, clock, RetentionJob.MAX_NAP).start();
        long started = System.nanoTime();
        job.close();
        assertEquals(true, Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                "close does not wait out the nap");
        assertEquals(0, job.passes());
    }

    private static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + BOUND + " waiting for " + what);
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    private static final class FakeClock extends Clock {

        private volatile Instant now;

        FakeClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
