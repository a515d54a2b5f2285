package org.hotline.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hotline.config.ConfigLoader;
import org.hotline.event.CallEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallFlowRunnerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final CallFlow flow = new CallFlow(ConfigLoader.loadDefault(Map.of()), CallEventListener.NONE,
            Clock.fixed(Instant.parse("2026-03-09T01:00:00Z"), FlowHarness.SHANGHAI));
    private final CallFlowRunner runner = new CallFlowRunner(flow, Duration.ofSeconds(2));

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    @Test
    void runsEachCallOnItsOwnVirtualThreadNamedForTheCall() throws InterruptedException {
        BlockingCall call = new BlockingCall("abc@10.0.0.1");

        runner.onIncomingCall(call);

        assertTrue(call.answering.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertEquals("call-abc@10.0.0.1", call.thread.getName());
        assertTrue(call.thread.isVirtual());
        call.release.countDown();
    }

    @Test
    void countsLiveFlowsUntilTheyEnd() throws InterruptedException {
        BlockingCall first = new BlockingCall("first");
        BlockingCall second = new BlockingCall("second");

        runner.onIncomingCall(first);
        runner.onIncomingCall(second);
        assertTrue(first.answering.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertTrue(second.answering.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(2, runner.liveFlows());

        first.release.countDown();
        second.release.countDown();
        awaitCondition(() -> runner.liveFlows() == 0);
        assertEquals(List.of("answer", "hung up by caller"), first.steps);
    }

    @Test
    void closeInterruptsRunningFlowsWhichStillSayGoodbye() throws InterruptedException {
        BlockingCall call = new BlockingCall("stuck");
        runner.onIncomingCall(call);
        assertTrue(call.answering.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));

        runner.close();

        assertEquals(0, runner.liveFlows());
        assertEquals(List.of("answer", "interrupted", "say fallback.sorry closing.normal", "hangup FAILURE"), call.steps);
    }

    @Test
    void rejectsCallsArrivingAfterClose() throws InterruptedException {
        runner.close();
        BlockingCall late = new BlockingCall("late");

        runner.onIncomingCall(late);

        assertTrue(late.hungUp.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(List.of("hangup FAILURE"), late.steps);
        assertEquals(0, runner.liveFlows());
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within " + DEADLINE);
            Thread.onSpinWait();
        }
    }

    /**
     * A call whose answer blocks until released (then the caller hangs up) or interrupted (then
     * the front fails, as a real one would when its thread is interrupted).
     */
    private static final class BlockingCall implements CallControl {

        final CountDownLatch answering = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch hungUp = new CountDownLatch(1);
        final List<String> steps = Collections.synchronizedList(new ArrayList<>());
        volatile Thread thread;
        private final CallInfo info;

        BlockingCall(String callId) {
            info = new CallInfo(callId, "13800138000", "1000", CallInfo.Front.SIP, Instant.EPOCH);
        }

        @Override
        public CallInfo info() {
            return info;
        }

        @Override
        public void answer() {
            steps.add("answer");
            thread = Thread.currentThread();
            answering.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                steps.add("interrupted");
                throw new IllegalStateException("interrupted while answering", e);
            }
            steps.add("hung up by caller");
            throw new CallHungUpException(info.callId());
        }

        @Override
        public PlaybackResult play(Announcement announcement) {
            steps.add("say " + String.join(" ", announcement.promptNames()));
            return PlaybackResult.COMPLETED;
        }

        @Override
        public Optional<Character> awaitDigit(Duration timeout) {
            throw new UnsupportedOperationException("not reached");
        }

        @Override
        public void clearDigits() {
        }

        @Override
        public QueueOutcome handToQueue(QueueRequest request) {
            throw new UnsupportedOperationException("not reached");
        }

        @Override
        public TransferOutcome transfer(String targetUri) {
            throw new UnsupportedOperationException("not reached");
        }

        @Override
        public void hangup(EndReason reason) {
            steps.add("hangup " + reason);
            hungUp.countDown();
        }

        @Override
        public Playback startPlayback(Announcement announcement, boolean loop) {
            throw new UnsupportedOperationException("not reached");
        }

        @Override
        public void whenHungUp(Runnable action) {
            throw new UnsupportedOperationException("not reached");
        }

        @Override
        public AgentOffer offerAgent(String workNumber, AgentOfferListener listener) {
            throw new UnsupportedOperationException("not reached");
        }
    }
}
