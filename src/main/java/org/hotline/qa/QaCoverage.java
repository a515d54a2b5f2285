package org.hotline.qa;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps rule R14's coverage figure fresh for operations: every {@code interval} it counts the agents
 * whose weekly sample is short ({@link QaService#agentsUnderSampled}) and publishes the count (the
 * metrics gauge behind the "QA coverage short" alert). A failed count (the database away, rule R20)
 * is logged and the last figure stays until the next try.
 *
 * <p>Threading: counts on its own scheduler thread (a virtual thread per run), off every call path;
 * {@link #close} from the composition root.
 */
public final class QaCoverage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QaCoverage.class);

    private final IntSupplier underSampled;
    private final IntConsumer publish;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("qa-coverage").factory());

    private QaCoverage(IntSupplier underSampled, IntConsumer publish) {
        this.underSampled = Objects.requireNonNull(underSampled, "underSampled");
        this.publish = Objects.requireNonNull(publish, "publish");
    }

    /** Counts now and then every {@code interval}. */
    public static QaCoverage start(IntSupplier underSampled, IntConsumer publish, Duration interval) {
        QaCoverage coverage = new QaCoverage(underSampled, publish);
        coverage.scheduler.scheduleWithFixedDelay(coverage::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return coverage;
    }

    /** One count, published; what fails is logged (the next run tries again). */
    void refresh() {
        try {
            publish.accept(underSampled.getAsInt());
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("QA coverage not counted (rule R14); the last figure stands");
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
