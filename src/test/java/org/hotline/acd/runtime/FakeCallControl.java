package org.hotline.acd.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentOffer;
import org.hotline.call.AgentOfferListener;
import org.hotline.call.Announcement;
import org.hotline.call.CallControl;
import org.hotline.call.CallHungUpException;
import org.hotline.call.CallInfo;
import org.hotline.call.EndReason;
import org.hotline.call.Playback;
import org.hotline.call.PlaybackResult;
import org.hotline.call.QueueOutcome;
import org.hotline.call.QueueRequest;
import org.hotline.call.TransferOutcome;

/**
 * A caller's {@link CallControl} for the ACD tests: records what the caller hears and which agents
 * are rung, as lines stamped with the {@link TestClock}'s seconds ({@code @45s announce ...}).
 * Blocking plays take no time; a one-shot background playback is over at once, a looped one runs
 * until stopped. The test hangs the caller up and answers or fails offers, as a front would from
 * its own threads. Thread-safe.
 */
final class FakeCallControl implements CallControl {

    static final Duration DEADLINE = Duration.ofSeconds(5);

    private final CallInfo info;
    private final TestClock clock;
    private final List<String> steps = new ArrayList<>();
    private final List<Runnable> hangUpActions = new CopyOnWriteArrayList<>();
    private final Map<String, FakeOffer> offers = new LinkedHashMap<>();
    private volatile boolean hungUp;

    FakeCallControl(String callId, TestClock clock) {
        this.clock = clock;
        this.info = new CallInfo(callId, "13800138000", "4008001234", CallInfo.Front.SIP, clock.instant());
    }

    /** One ringing (or ended) offer to an agent. */
    final class FakeOffer implements AgentOffer {
        private final String workNumber;
        private final AgentOfferListener listener;
        private boolean settled;

        FakeOffer(String workNumber, AgentOfferListener listener) {
            this.workNumber = workNumber;
            this.listener = listener;
        }

        @Override
        public String workNumber() {
            return workNumber;
        }

        @Override
        public void cancel() {
            synchronized (FakeCallControl.this) {
                if (settled) {
                    return;
                }
                settled = true;
            }
            record("cancel " + workNumber);
        }

        /** The agent's phone answers (as the front reports it, from a stack thread: the test's). */
        FakeAgentLeg answer() {
            FakeAgentLeg leg = new FakeAgentLeg(workNumber, clock, FakeCallControl.this);
            synchronized (FakeCallControl.this) {
                settled = true;
            }
            listener.answered(leg);
            return leg;
        }

        void fail(String reason) {
            synchronized (FakeCallControl.this) {
                settled = true;
            }
            listener.failed(reason);
        }
    }

    // --- the test's side ---

    /** The caller hangs up: blocking methods throw from now on, hang-up notices run. */
    void hangUp() {
        hungUp = true;
        record("(caller hung up)");
        hangUpActions.forEach(Runnable::run);
    }

    boolean isHungUp() {
        return hungUp;
    }

    /** The latest offer to the agent, once the caller's thread made it (waits for it). */
    FakeOffer offer(String workNumber) {
        awaitStep("offer " + workNumber);
        synchronized (this) {
            return offers.get(workNumber);
        }
    }

    synchronized List<String> steps() {
        return List.copyOf(steps);
    }

    /** Waits until a step equal to {@code step} (without its time stamp) was recorded; returns its index. */
    int awaitStep(String step) {
        return awaitSteps(step, 1);
    }

    /** Waits until {@code step} was recorded {@code times} times; returns the index of the last. */
    synchronized int awaitSteps(String step, int times) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            int seen = 0;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).substring(steps.get(i).indexOf(' ') + 1).equals(step) && ++seen == times) {
                    return i;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no step \"" + step + "\" (x" + times + ") within " + DEADLINE + "; steps: " + steps);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    synchronized void record(String step) {
        steps.add("@" + clock.elapsedSeconds() + "s " + step);
        notifyAll();
    }

    // --- CallControl, on the caller's thread ---

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public void answer() {
        throw new UnsupportedOperationException("the flow answers before the queue");
    }

    @Override
    public PlaybackResult play(Announcement announcement) {
        ensureConnected();
        record("say " + announcement.language() + " " + String.join(" ", announcement.promptNames()));
        ensureConnected();
        return PlaybackResult.COMPLETED;
    }

    @Override
    public Optional<Character> awaitDigit(Duration timeout) {
        throw new UnsupportedOperationException("the queue reads no digits");
    }

    @Override
    public void clearDigits() {
        throw new UnsupportedOperationException("the queue reads no digits");
    }

    @Override
    public QueueOutcome handToQueue(QueueRequest request) {
        throw new UnsupportedOperationException("the gateway is called directly");
    }

    @Override
    public TransferOutcome transfer(String targetUri) {
        throw new UnsupportedOperationException("not used by the queue");
    }

    @Override
    public void hangup(EndReason reason) {
        record("hangup " + reason);
    }

    @Override
    public Playback startPlayback(Announcement announcement, boolean loop) {
        record((loop ? "music " : "announce ") + announcement.language() + " " + String.join(" ", announcement.promptNames()));
        return new Playback() {
            private volatile boolean stopped;

            @Override
            public void stop() {
                stopped = true;
            }

            @Override
            public boolean isDone() {
                return stopped || !loop;
            }
        };
    }

    @Override
    public void whenHungUp(Runnable action) {
        hangUpActions.add(action);
        if (hungUp) {
            action.run();
        }
    }

    @Override
    public AgentOffer offerAgent(String workNumber, AgentOfferListener listener) {
        FakeOffer offer = new FakeOffer(workNumber, listener);
        synchronized (this) {
            offers.put(workNumber, offer);
        }
        record("offer " + workNumber);
        return offer;
    }

    /** Lets a leg waiting for its next event notice the caller's hang-up. */
    void onHangUp(Runnable wake) {
        hangUpActions.add(wake);
    }

    void ensureConnected() {
        if (hungUp) {
            throw new CallHungUpException(info.callId());
        }
    }
}
