package org.hotline.acd.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hotline.acd.AcdEventListener;
import org.hotline.acd.AcdSetup;
import org.hotline.acd.AgentProfile;
import org.hotline.acd.AgentStatus;
import org.hotline.acd.QueuePolicy;
import org.hotline.call.AgentOfferListener;
import org.junit.jupiter.api.Test;

/** The driver's own duties: one tick at the engine's next deadline, and no agent leg left behind. */
class AcdDriverTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void keepsOneTimerAtTheEnginesNextDeadline() {
        TestClock clock = new TestClock(AcdFixture.START);
        ManualSerialExecutor executor = new ManualSerialExecutor(clock);
        AcdDriver driver = driver(clock, executor, QueuePolicy.builder("general").build());

        assertEquals(Optional.empty(), executor.nextTimer());
        CallerMailbox mailbox = driver.open("c1");
        driver.join("c1", "general", 0).join();
        assertEquals(Optional.of(AcdFixture.START.plus(QueuePolicy.R7_FIRST_ANNOUNCEMENT)), executor.nextTimer());

        executor.advance(Duration.ofSeconds(45));
        assertEquals(Optional.of(new CallerCommand.Announce(1, Optional.empty())), mailbox.take(Optional.of(Duration.ZERO)));
        assertEquals(Optional.of(AcdFixture.START.plusSeconds(105)), executor.nextTimer());

        driver.callerLeft("c1");
        assertEquals(Optional.empty(), executor.nextTimer());
    }

    @Test
    void ringTimeoutFiresOnTheRealExecutorAtItsTime() {
        QueuePolicy fastRing = QueuePolicy.builder("general").ringTimeout(Duration.ofMillis(300)).build();
        try (SingleThreadSerialExecutor executor = new SingleThreadSerialExecutor()) {
            AcdDriver driver = driver(Clock.systemUTC(), executor, fastRing);
            driver.requestStatus("1001", AgentStatus.AVAILABLE, "").join();
            CallerMailbox mailbox = driver.open("c1");
            long joined = System.nanoTime();
            driver.join("c1", "general", 0).join();

            assertEquals(Optional.of(new CallerCommand.Offer("general", List.of("1001"))), mailbox.take(Optional.of(Duration.ofSeconds(2))));
            assertEquals(Optional.of(new CallerCommand.CancelOffers(List.of("1001"))), mailbox.take(Optional.of(Duration.ofSeconds(2))));
            Duration rang = Duration.ofNanos(System.nanoTime() - joined);
            assertTrue(rang.compareTo(Duration.ofMillis(300)) >= 0, "cancelled after " + rang);
            assertEquals(AgentStatus.NOT_READY, driver.agent("1001").join().orElseThrow().status());
        }
    }

    @Test
    void answerForACallerWhoLeftIsHungUp() {
        TestClock clock = new TestClock(AcdFixture.START);
        ManualSerialExecutor executor = new ManualSerialExecutor(clock);
        AcdDriver driver = driver(clock, executor, QueuePolicy.builder("general").build());
        driver.requestStatus("1001", AgentStatus.AVAILABLE, "").join();
        FakeCallControl call = new FakeCallControl("c1", clock);
        CallerMailbox mailbox = driver.open("c1");
        driver.join("c1", "general", 0).join();
        AgentOfferListener listener = driver.offerListener("c1", "1001");
        driver.callerLeft("c1");
        driver.close(mailbox);

        listener.answered(new FakeAgentLeg("1001", clock, call));

        call.awaitStep("hangup leg 1001");
        assertEquals(AgentStatus.AVAILABLE, driver.agent("1001").join().orElseThrow().status());
    }

    @Test
    void connectNeverTakenByTheCallerIsHungUpWhenTheMailboxCloses() {
        TestClock clock = new TestClock(AcdFixture.START);
        ManualSerialExecutor executor = new ManualSerialExecutor(clock);
        AcdDriver driver = driver(clock, executor, QueuePolicy.builder("general").build());
        driver.requestStatus("1001", AgentStatus.AVAILABLE, "").join();
        FakeCallControl call = new FakeCallControl("c1", clock);
        CallerMailbox mailbox = driver.open("c1");
        driver.join("c1", "general", 0).join();
        assertInstanceOf(CallerCommand.Offer.class, mailbox.take(Optional.of(Duration.ZERO)).orElseThrow());

        driver.offerListener("c1", "1001").answered(new FakeAgentLeg("1001", clock, call));
        driver.callerLeft("c1");
        driver.close(mailbox);

        call.awaitStep("hangup leg 1001");
    }

    private static AcdDriver driver(Clock clock, SerialExecutor executor, QueuePolicy queue) {
        AcdSetup setup = new AcdSetup(List.of(queue), List.of(AgentProfile.of("1001", "Agent 1001", queue.name())), SHANGHAI);
        return new AcdDriver(setup, clock, executor, AcdEventListener.NONE);
    }
}
