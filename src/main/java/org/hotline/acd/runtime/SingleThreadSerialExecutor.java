package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link SerialExecutor}: one platform thread named {@code acd}. A platform thread
 * rather than a virtual one because the engine never blocks, and a dedicated thread keeps ACD
 * timers (rule R1's ring timeout, R7's 45 s) independent of how busy the virtual-thread carriers
 * are. Cancelled timers are removed at once, so rescheduling after every report leaves nothing.
 */
public final class SingleThreadSerialExecutor implements SerialExecutor {

    private static final Logger log = LoggerFactory.getLogger(SingleThreadSerialExecutor.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final ScheduledThreadPoolExecutor executor;

    public SingleThreadSerialExecutor() {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "acd");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        long nanos = Math.max(0, delay.toNanos());
        ScheduledFuture<?> future = executor.schedule(guarded(task), nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("ACD executor did not stop within {}; interrupting", CLOSE_GRACE);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A task that throws would otherwise vanish into its future; the thread must go on either way. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("ACD task failed", e);
            }
        };
    }
}
