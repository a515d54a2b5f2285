package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.acd.AcdEvent.CallerNotServed;
import org.hotline.acd.AcdEvent.CallerOverflowed;
import org.hotline.acd.AcdEvent.CallerQueued;
import org.hotline.acd.AcdEvent.PositionAnnounced;
import org.hotline.acd.RecordingFront.Announce;
import org.hotline.acd.RecordingFront.NotServed;
import org.hotline.acd.RecordingFront.Offer;
import org.hotline.acd.RecordingFront.Overflowed;
import org.junit.jupiter.api.Test;

/** Waiting callers: priority, position, maximum wait, overflow, unstaffed queues, rule R7 announcements. */
class QueueWaitingTest {

    private static final String SALES = "sales";
    private static final String BACKUP = "backup";
    private static final Duration MAX_WAIT = Duration.ofMinutes(2);

    @Test
    void higherPriorityIsServedFirstThenFirstComeFirstServed() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).build()).agent("1001", SALES).build();
        Instant start = acd.now();
        acd.engine.callerJoined("low-1", SALES, 0);
        acd.clock.advanceSeconds(1);
        acd.engine.callerJoined("high", SALES, 5);
        acd.clock.advanceSeconds(1);
        acd.engine.callerJoined("low-2", SALES, 0);
        assertEquals(List.of(
                new CallerQueued(start, "low-1", SALES, 0, 1),
                new CallerQueued(start.plusSeconds(1), "high", SALES, 5, 1),
                new CallerQueued(start.plusSeconds(2), "low-2", SALES, 0, 3)),
                acd.front.takeEvents(CallerQueued.class));
        assertEquals(2, acd.engine.position("low-1").orElseThrow());

        acd.engine.login("1001");
        assertEquals(List.of(new Offer("high", SALES, List.of("1001"))), acd.front.takeActions());
        serveAndFree(acd, "high", "1001");
        assertEquals(List.of(new Offer("low-1", SALES, List.of("1001"))), acd.front.takeActions());
        serveAndFree(acd, "low-1", "1001");
        assertEquals(List.of(new Offer("low-2", SALES, List.of("1001"))), acd.front.takeActions());
    }

    @Test
    void callersJoiningAtTheSameInstantKeepTheirArrivalOrder() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).build()).agent("1001", SALES).build();
        for (String call : List.of("c3", "c1", "c2")) {
            acd.engine.callerJoined(call, SALES, 0);
        }
        assertEquals(List.of(1, 2, 3), List.of("c3", "c1", "c2").stream()
                .map(call -> acd.engine.position(call).orElseThrow()).toList());
    }

    @Test
    void maxWaitWithoutOverflowIsRuleR9sFailurePath() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).maxWait(MAX_WAIT, MaxWaitAction.fail()).build())
                .agent("1001", SALES).build();
        acd.engine.login("1001");
        acd.engine.notReady("1001", "meeting");
        acd.engine.callerJoined("c1", SALES, 0);
        acd.front.clear();

        acd.clock.advance(MAX_WAIT.minusMillis(1));
        acd.engine.tick();
        assertEquals(List.of(), acd.front.takeEvents(CallerNotServed.class));

        acd.clock.advance(Duration.ofMillis(1));
        acd.engine.tick();
        assertEquals(List.of(new NotServed("c1", NotServedReason.MAX_WAIT_REACHED)),
                acd.front.takeActions().stream().filter(NotServed.class::isInstance).toList());
        assertEquals(List.of(new CallerNotServed(acd.now(), "c1", SALES, NotServedReason.MAX_WAIT_REACHED, MAX_WAIT)),
                acd.front.takeEvents(CallerNotServed.class));
        assertEquals(Optional.empty(), acd.engine.position("c1"));
    }

    @Test
    void maxWaitDoesNotCutARingingOfferButFailsTheCallerIfItIsMissed() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).maxWait(Duration.ofSeconds(5), MaxWaitAction.fail())
                .build()).agent("1001", SALES).build().loggedIn("1001");
        acd.engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(6);
        acd.engine.tick();
        assertEquals(List.of(new Offer("c1", SALES, List.of("1001"))), acd.front.takeActions());

        acd.engine.offerRejected("c1", "1001");
        assertEquals(List.of(new NotServed("c1", NotServedReason.MAX_WAIT_REACHED)), acd.front.takeActions());
    }

    @Test
    void maxWaitOverflowsToAnotherQueueKeepingTheOriginalEntryTime() {
        TestAcd acd = TestAcd.with(
                        QueuePolicy.builder(SALES).maxWait(MAX_WAIT, MaxWaitAction.overflowTo(BACKUP)).build(),
                        QueuePolicy.builder(BACKUP).build())
                .agent("1001", SALES).agent("2001", BACKUP).build();
        Instant start = acd.now();
        acd.engine.callerJoined("early", SALES, 0);
        acd.clock.advanceSeconds(30);
        acd.engine.callerJoined("later", BACKUP, 0);
        acd.clock.advance(MAX_WAIT.minusSeconds(30));
        acd.front.clear();

        acd.engine.tick();

        assertEquals(List.of(new Overflowed("early", BACKUP)),
                acd.front.takeActions().stream().filter(Overflowed.class::isInstance).toList());
        assertEquals(List.of(new CallerOverflowed(start.plus(MAX_WAIT), "early", SALES, BACKUP, MAX_WAIT)),
                acd.front.takeEvents(CallerOverflowed.class));
        assertEquals(1, acd.engine.position("early").orElseThrow());
        assertEquals(2, acd.engine.position("later").orElseThrow());

        acd.engine.login("2001");
        assertEquals(List.of(new Offer("early", BACKUP, List.of("2001"))), acd.front.takeActions());
    }

    @Test
    void overflowedCallerGetsTheTargetQueuesFullMaximumWait() {
        TestAcd acd = TestAcd.with(
                        QueuePolicy.builder(SALES).maxWait(MAX_WAIT, MaxWaitAction.overflowTo(BACKUP)).build(),
                        QueuePolicy.builder(BACKUP).maxWait(MAX_WAIT, MaxWaitAction.fail()).build())
                .build();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.clock.advance(MAX_WAIT);
        acd.engine.tick();
        acd.clock.advance(MAX_WAIT.minusMillis(1));
        acd.engine.tick();
        assertEquals(1, acd.engine.position("c1").orElseThrow());

        acd.clock.advance(Duration.ofMillis(1));
        acd.engine.tick();
        assertEquals(List.of(new CallerNotServed(acd.now(), "c1", BACKUP, NotServedReason.MAX_WAIT_REACHED,
                MAX_WAIT.multipliedBy(2))), acd.front.takeEvents(CallerNotServed.class));
    }

    @Test
    void overflowedCallerKeepsTheAnnouncementClockOfTheFirstEntry() {
        TestAcd acd = TestAcd.with(
                        QueuePolicy.builder(SALES).maxWait(Duration.ofSeconds(60), MaxWaitAction.overflowTo(BACKUP)).build(),
                        QueuePolicy.builder(BACKUP).announcements(Duration.ofSeconds(45), Duration.ofSeconds(40)).build())
                .build();
        Instant start = acd.now();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(45);
        acd.engine.tick();
        acd.clock.advanceSeconds(15);
        acd.engine.tick();

        assertEquals(start.plusSeconds(85), acd.engine.nextDeadline().orElseThrow());
    }

    @Test
    void unstaffedQueueThatWaitsKeepsTheCallerUntilAnAgentLogsIn() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).whenNoAgents(NoAgentsBehaviour.WAIT).build())
                .agent("1001", SALES).build();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(20);
        acd.engine.tick();
        assertEquals(List.of(), acd.front.takeActions());

        acd.engine.login("1001");
        assertEquals(List.of(new Offer("c1", SALES, List.of("1001"))), acd.front.takeActions());
    }

    @Test
    void unstaffedQueueThatFailsSendsTheCallerToRuleR9AtOnce() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).whenNoAgents(NoAgentsBehaviour.FAIL).build())
                .agent("1001", SALES).build();
        acd.engine.callerJoined("c1", SALES, 0);

        assertEquals(List.of(new NotServed("c1", NotServedReason.NO_AGENT_LOGGED_IN)), acd.front.takeActions());
        assertEquals(List.of(new CallerNotServed(acd.now(), "c1", SALES, NotServedReason.NO_AGENT_LOGGED_IN,
                Duration.ZERO)), acd.front.takeEvents(CallerNotServed.class));
    }

    @Test
    void queueThatFailsWhenUnstaffedLetsCallersWaitForAgentsNotReadyAndFailsThemWhenTheLastLogsOut() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).whenNoAgents(NoAgentsBehaviour.FAIL).build())
                .agent("1001", SALES).build().loggedIn("1001");
        acd.engine.notReady("1001", "meeting");
        acd.engine.callerJoined("c1", SALES, 0);
        assertEquals(1, acd.engine.position("c1").orElseThrow());
        acd.front.clear();

        acd.engine.logout("1001");

        assertEquals(List.of(new NotServed("c1", NotServedReason.NO_AGENT_LOGGED_IN)), acd.front.takeActions());
    }

    @Test
    void announcesThePositionAt45SecondsThenAtTheIntervalCountedFromEntry() {
        Duration every = Duration.ofSeconds(30);
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES)
                .announcements(QueuePolicy.R7_FIRST_ANNOUNCEMENT, every).build()).build();
        Instant start = acd.now();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.engine.callerJoined("c2", SALES, 0);
        assertEquals(start.plusSeconds(45), acd.engine.nextDeadline().orElseThrow());

        acd.clock.advance(Duration.ofMillis(44_999));
        acd.engine.tick();
        assertEquals(List.of(), acd.front.takeActions());

        acd.clock.advance(Duration.ofMillis(1));
        acd.engine.tick();
        assertEquals(List.of(new Announce("c1", 1, Optional.empty()), new Announce("c2", 2, Optional.empty())),
                acd.front.takeActions());
        assertEquals(List.of(new PositionAnnounced(acd.now(), "c1", SALES, 1, Optional.empty()),
                new PositionAnnounced(acd.now(), "c2", SALES, 2, Optional.empty())),
                acd.front.takeEvents(PositionAnnounced.class));

        acd.clock.advanceSeconds(20);
        acd.engine.callerLeft("c1");
        acd.clock.advanceSeconds(7);
        acd.engine.tick();
        assertEquals(List.of(), acd.front.takeActions());

        acd.clock.advanceSeconds(3);
        acd.engine.tick();
        assertEquals(List.of(new Announce("c2", 1, Optional.empty())), acd.front.takeActions());
        assertEquals(start.plusSeconds(105), acd.engine.nextDeadline().orElseThrow());
    }

    @Test
    void lateTickAnnouncesOnceAndKeepsTheScheduleFromEntry() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).build()).build();
        Instant start = acd.now();
        acd.engine.callerJoined("c1", SALES, 0);

        acd.clock.advanceSeconds(200);
        acd.engine.tick();

        assertEquals(List.of(new Announce("c1", 1, Optional.empty())), acd.front.takeActions());
        assertEquals(start.plusSeconds(225), acd.engine.nextDeadline().orElseThrow());
    }

    @Test
    void ringingCallerStillHearsTheAnnouncementOnTime() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).ringTimeout(Duration.ofSeconds(60)).build())
                .agent("1001", SALES).build();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(40);
        acd.engine.login("1001");
        acd.clock.advanceSeconds(5);
        acd.front.clear();

        acd.engine.tick();

        assertEquals(List.of(new Announce("c1", 1, Optional.empty())), acd.front.takeActions());
    }

    @Test
    void joiningAnUnknownQueueOrJoiningTwiceThrows() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).build()).build();
        assertThrows(UnknownQueueException.class, () -> acd.engine.callerJoined("c1", "nope", 0));
        acd.engine.callerJoined("c1", SALES, 0);
        assertThrows(DuplicateCallException.class, () -> acd.engine.callerJoined("c1", SALES, 0));
    }

    /** Connects the offered call, ends it and lets the wrap-up run out; the actions of the end remain. */
    private static void serveAndFree(TestAcd acd, String callId, String agent) {
        acd.engine.offerAnswered(callId, agent);
        acd.engine.callEnded(callId, AcdEvent.Party.AGENT);
        acd.clock.advance(QueuePolicy.DEFAULT_WRAP_UP);
        acd.front.clear();
        acd.engine.tick();
    }
}
