package org.hotline.acd.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.call.AgentLeg;
import org.hotline.call.Announcement;
import org.hotline.call.CallHungUpException;

/**
 * An answered agent leg for the ACD tests: what the caller's thread does to it is recorded on the
 * caller's {@link FakeCallControl} ({@code @0s relay 1001 on}); events come from the test; a wait
 * times out when the {@link TestClock} passes its deadline, and throws once the caller hung up.
 */
final class FakeAgentLeg implements AgentLeg {

    private final String workNumber;
    private final TestClock clock;
    private final FakeCallControl call;
    private final Deque<LegEvent> events = new ArrayDeque<>();
    private String transferTarget;
    private boolean waiting;
    private final CompletableFuture<Void> over = new CompletableFuture<>();

    FakeAgentLeg(String workNumber, TestClock clock, FakeCallControl call) {
        this.workNumber = workNumber;
        this.clock = clock;
        this.call = call;
        clock.whenAdvanced(this::wake);
        call.onHangUp(this::wake);
    }

    /** The agent does something (re-INVITE, REFER, BYE). */
    synchronized void send(LegEvent event) {
        events.addLast(event);
        notifyAll();
        if (event == LegEvent.HUNG_UP) {
            over.complete(null);
        }
    }

    /** The agent REFERs the caller to {@code target} (a queue name or a work number). */
    synchronized void transferTo(String target) {
        transferTarget = target;
        send(LegEvent.TRANSFER_REQUESTED);
    }

    synchronized void wake() {
        notifyAll();
    }

    /**
     * Waits until the caller's thread is blocked in {@link #awaitEvent} with every event taken, so
     * that moving the clock now times out the wait it really started.
     */
    synchronized void awaitBlocked() {
        long deadline = System.nanoTime() + FakeCallControl.DEADLINE.toNanos();
        while (!(waiting && events.isEmpty())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the caller's thread never waited on leg " + workNumber);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public String workNumber() {
        return workNumber;
    }

    @Override
    public void relay(boolean on) {
        call.record("relay " + workNumber + (on ? " on" : " off"));
    }

    @Override
    public void whisper(Announcement announcement) {
        call.record("whisper " + workNumber + " " + announcement.language() + " " + String.join(" ", announcement.promptNames()));
    }

    @Override
    public LegEvent awaitEvent(Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        synchronized (this) {
            waiting = true;
            notifyAll();
            try {
                while (true) {
                    if (call.isHungUp()) {
                        throw new CallHungUpException(call.info().callId());
                    }
                    if (!events.isEmpty()) {
                        return events.removeFirst();
                    }
                    if (!clock.instant().isBefore(deadline)) {
                        return LegEvent.TIMEOUT;
                    }
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                waiting = false;
            }
        }
    }

    @Override
    public synchronized Optional<String> transferTarget() {
        return Optional.ofNullable(transferTarget);
    }

    @Override
    public void hangup() {
        call.record("hangup leg " + workNumber);
        over.complete(null);
    }

    @Override
    public CompletableFuture<Void> over() {
        return over;
    }
}
