package org.hotline.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.config.HotlineConfig;
import org.hotline.qa.QaSampler;
import org.hotline.qa.QaService;
import org.hotline.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RetentionPass} once a day at {@code recording.retentionRunsAt} in
 * {@code service.timeZone} (rule R15), on its own virtual thread, off every call path. Time is the
 * injected clock's: the thread naps at most {@code maxNap} and looks at the clock again, so a
 * clock step (or a test's fake clock) is followed. A pass that fails is logged; the next day's
 * pass tries again. Start and close from the composition root's thread; counts from any thread.
 */
public final class RetentionJob implements AutoCloseable {

    static final Duration MAX_NAP = Duration.ofMinutes(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionPass pass;
    private final LocalTime runsAt;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration maxNap;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong passes = new AtomicLong();
    private final AtomicReference<RetentionPass.Report> lastReport = new AtomicReference<>();
    private volatile Instant next;
    private Thread thread;

    RetentionJob(RetentionPass pass, LocalTime runsAt, ZoneId zone, Clock clock, Duration maxNap) {
        this.pass = pass;
        this.runsAt = runsAt;
        this.zone = zone;
        this.clock = clock;
        this.maxNap = maxNap;
    }

    /** The job over the store as configured, started. */
    public static RetentionJob start(HotlineConfig config, Store store, Clock clock) {
        return start(config, store, clock, RetentionHold.NONE);
    }

    /** As {@link #start(HotlineConfig, Store, Clock)}; {@code hold}: recordings kept whatever their age (messages). */
    public static RetentionJob start(HotlineConfig config, Store store, Clock clock, RetentionHold hold) {
        ZoneId zone = config.service().timeZone();
        QaService qa = new QaService(store.calls(), store.qa(),
                new QaSampler(config.qa().samplesPerAgentPerWeek(), config.qa().seed()), zone, clock);
        RetentionPass pass = new RetentionPass(store.retention(), new QaReview(store.retention(), qa), store.keeper(),
                config.recording().retention(), clock, hold);
        return new RetentionJob(pass, config.recording().retentionRunsAt(), zone, clock, MAX_NAP).start();
    }

    RetentionJob start() {
        next = nextRun(clock.instant(), runsAt, zone);
        thread = Thread.ofVirtual().name("retention").start(this::loop);
        log.atInfo().addKeyValue("runsAt", runsAt).addKeyValue("zone", zone)
                .addKeyValue("next", next).log("retention job started");
        return this;
    }

    /** The first instant strictly after {@code after} that is {@code runsAt} in {@code zone} (a DST gap moves it later). */
    static Instant nextRun(Instant after, LocalTime runsAt, ZoneId zone) {
        LocalDate day = after.atZone(zone).toLocalDate();
        Instant candidate = ZonedDateTime.of(day, runsAt, zone).toInstant();
        while (!candidate.isAfter(after)) {
            day = day.plusDays(1);
            candidate = ZonedDateTime.of(day, runsAt, zone).toInstant();
        }
        return candidate;
    }

    private void loop() {
        try {
            while (closing.getCount() > 0) {
                Instant now = clock.instant();
                if (now.isBefore(next)) {
                    Duration nap = Duration.between(now, next);
                    closing.await(Math.min(nap.toNanos(), maxNap.toNanos()), TimeUnit.NANOSECONDS);
                } else {
                    runPass();
                    next = nextRun(now, runsAt, zone);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runPass() {
        try {
            lastReport.set(pass.run(() -> closing.getCount() == 0));
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("retention pass failed; the next day's pass tries again");
        } finally {
            passes.incrementAndGet();
        }
    }

    /** When the next pass is due. */
    public Instant nextPass() {
        return next;
    }

    /** Passes run so far (ended, whether they deleted anything or failed). */
    public long passes() {
        return passes.get();
    }

    /** The last pass's report, or null before the first (or if it threw). */
    public RetentionPass.Report lastReport() {
        return lastReport.get();
    }

    /** Stops the thread; a pass under way ends after the recording it is deleting. */
    @Override
    public void close() {
        closing.countDown();
        if (thread == null) {
            return;
        }
        try {
            if (!thread.join(CLOSE_WAIT)) {
                log.atWarn().addKeyValue("waited", CLOSE_WAIT).log("the retention job did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
