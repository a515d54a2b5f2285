package org.hotline.acd.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A deterministic {@link SerialExecutor}: a task runs at once on the thread that submits it,
 * unless another task is running, in which case it queues behind it (one at a time, in order, as
 * the real executor). Delayed tasks run only when the test {@link #advance}s the {@link TestClock}
 * past their time, in time order, with the clock set to each task's time.
 */
final class ManualSerialExecutor implements SerialExecutor {

    private final TestClock clock;
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final List<Timer> timers = new ArrayList<>();
    private boolean running;
    private boolean closed;

    private static final class Timer {
        final Instant due;
        final Runnable task;
        boolean cancelled;

        Timer(Instant due, Runnable task) {
            this.due = due;
            this.task = task;
        }
    }

    ManualSerialExecutor(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (closed) {
                throw new java.util.concurrent.RejectedExecutionException("closed");
            }
            queued.addLast(task);
            if (running) {
                return;
            }
            running = true;
        }
        drain();
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queued.pollFirst();
                if (next == null) {
                    running = false;
                    notifyAll();
                    return;
                }
            }
            next.run();
        }
    }

    @Override
    public synchronized Scheduled schedule(Runnable task, Duration delay) {
        Timer timer = new Timer(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), task);
        timers.add(timer);
        return () -> {
            synchronized (this) {
                timer.cancelled = true;
                timers.remove(timer);
            }
        };
    }

    /** Waits until no task runs or waits on any thread (a caller's thread may be running one). */
    synchronized void awaitIdle() {
        long deadline = System.nanoTime() + FakeCallControl.DEADLINE.toNanos();
        while (running || !queued.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the ACD executor never became idle");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Moves the clock forward by {@code duration}, running each timer that falls due on the way,
     * each after the tasks before it finished on whichever thread runs them.
     */
    void advance(Duration duration) {
        awaitIdle();
        Instant target = clock.instant().plus(duration);
        while (true) {
            Optional<Timer> due;
            synchronized (this) {
                due = timers.stream().filter(timer -> !timer.due.isAfter(target)).min(Comparator.comparing(t -> t.due));
                due.ifPresent(timers::remove);
            }
            if (due.isEmpty()) {
                break;
            }
            if (due.get().due.isAfter(clock.instant())) {
                clock.setTo(due.get().due);
            }
            execute(due.get().task);
            awaitIdle();
        }
        clock.setTo(target);
    }

    /** When the engine's next timer falls due; empty if none is scheduled. */
    synchronized Optional<Instant> nextTimer() {
        return timers.stream().map(timer -> timer.due).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized void close() {
        closed = true;
        timers.clear();
    }
}
