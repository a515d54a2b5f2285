package org.hotline.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.hotline.config.OverloadConfig;
import org.hotline.config.OverloadConfig.Treatment;
import org.hotline.event.CallEvent;
import org.junit.jupiter.api.Test;

/** Rule R20's overload limit: admitted calls hold a slot until they end; the rest get the treatment. */
class CallAdmissionTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    @Test
    void admitsUpToTheLimitThenAnswersWithTheBusyMessage() {
        CallAdmission admission = new CallAdmission(new OverloadConfig(2, Treatment.MESSAGE, Duration.ofSeconds(30)));

        assertEquals(List.of(CallAdmission.Decision.ADMIT, CallAdmission.Decision.ADMIT,
                CallAdmission.Decision.BUSY_MESSAGE, CallAdmission.Decision.BUSY_MESSAGE),
                List.of(admission.admit("a"), admission.admit("b"), admission.admit("c"), admission.admit("d")));
        assertEquals(2, admission.admittedCalls());
    }

    @Test
    void rejectsPastTheLimitWhenConfiguredAndSaysWhenToRetry() {
        CallAdmission admission = new CallAdmission(new OverloadConfig(1, Treatment.REJECT, Duration.ofSeconds(45)));

        admission.admit("a");

        assertEquals(CallAdmission.Decision.REJECT, admission.admit("b"));
        assertEquals(Duration.ofSeconds(45), admission.retryAfter());
    }

    @Test
    void anAdmittedCallsEndFreesItsSlotButTheEndOfARefusedCallDoesNot() {
        CallAdmission admission = new CallAdmission(new OverloadConfig(1, Treatment.MESSAGE, Duration.ofSeconds(30)));
        admission.admit("a");
        admission.admit("busy");

        admission.onEvent(new CallEvent.Ended("busy", NOW, EndReason.OVERLOADED));
        assertEquals(CallAdmission.Decision.BUSY_MESSAGE, admission.admit("c"));

        admission.onEvent(new CallEvent.Ended("a", NOW, EndReason.COMPLETED));
        assertEquals(CallAdmission.Decision.ADMIT, admission.admit("d"));
    }

    @Test
    void aCallRefusedBeforeItStartedGivesItsSlotBack() {
        CallAdmission admission = new CallAdmission(new OverloadConfig(1, Treatment.REJECT, Duration.ofSeconds(30)));
        admission.admit("a");

        admission.release("a");

        assertEquals(CallAdmission.Decision.ADMIT, admission.admit("b"));
    }

    @Test
    void noLimitAdmitsEveryCall() {
        CallAdmission admission = CallAdmission.UNLIMITED;

        IntStream.range(0, 1000).forEach(i -> assertEquals(CallAdmission.Decision.ADMIT, admission.admit("call-" + i)));
    }

    @Test
    void aBurstOnManyThreadsNeverAdmitsMoreThanTheLimit() throws InterruptedException {
        CallAdmission admission = new CallAdmission(new OverloadConfig(10, Treatment.REJECT, Duration.ofSeconds(30)));
        ConcurrentLinkedQueue<CallAdmission.Decision> decisions = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                String callId = "call-" + i;
                threads.submit(() -> {
                    start.await();
                    return decisions.add(admission.admit(callId));
                });
            }
            start.countDown();
        }

        assertEquals(10, decisions.stream().filter(d -> d == CallAdmission.Decision.ADMIT).count());
        assertEquals(190, decisions.stream().filter(d -> d == CallAdmission.Decision.REJECT).count());
    }
}
