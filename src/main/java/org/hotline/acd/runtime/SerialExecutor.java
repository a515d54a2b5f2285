package org.hotline.acd.runtime;

import java.time.Duration;

/**
 * Runs tasks one at a time, in submission order, and runs delayed tasks at their time: the ACD's
 * one serial executor (house style: ACD decisions run on one serial executor). Production uses
 * {@link SingleThreadSerialExecutor}; tests use a deterministic one driven by a fake clock.
 *
 * <p>{@link #execute} and {@link #schedule} may be called from any thread and never block.
 */
public interface SerialExecutor extends AutoCloseable {

    void execute(Runnable task);

    /** Runs {@code task} on the executor once {@code delay} has passed (at once if it is not positive). */
    Scheduled schedule(Runnable task, Duration delay);

    /** Stops running tasks; tasks not yet run are dropped. */
    @Override
    void close();

    /** A task scheduled for later. */
    @FunctionalInterface
    interface Scheduled {
        /** Drops the task if it has not started. Idempotent. */
        void cancel();
    }
}
