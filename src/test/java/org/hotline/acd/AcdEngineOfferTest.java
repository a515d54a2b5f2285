package org.hotline.acd;

import static org.hotline.acd.AgentRules.NO_ANSWER_REASON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.acd.AcdEvent.AgentStateChanged;
import org.hotline.acd.AcdEvent.AgentStatusChanged;
import org.hotline.acd.AcdEvent.CallerAbandoned;
import org.hotline.acd.AcdEvent.CallerConnected;
import org.hotline.acd.AcdEvent.CallerOffered;
import org.hotline.acd.AcdEvent.CallerQueued;
import org.hotline.acd.AcdEvent.CancelCause;
import org.hotline.acd.AcdEvent.LateAnswerRejected;
import org.hotline.acd.AcdEvent.OfferCancelled;
import org.hotline.acd.AcdEvent.OfferNoAnswer;
import org.hotline.acd.AcdEvent.OfferRejected;
import org.hotline.acd.RecordingFront.CancelOffers;
import org.hotline.acd.RecordingFront.Connect;
import org.hotline.acd.RecordingFront.Offer;
import org.hotline.acd.RecordingFront.RejectAnswer;
import org.junit.jupiter.api.Test;

/** Offers: choosing the agent, rule R1's missed offers (RONA), rejections, late answers, abandons. */
class AcdEngineOfferTest {

    private static final String SALES = "sales";

    private final TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).build())
            .agent("1001", SALES).agent("1002", SALES)
            .build()
            .loggedIn("1001", "1002");
    private final RecordingFront front = acd.front;
    private final AcdEngine engine = acd.engine;

    @Test
    void offersTheCallerToTheLongestIdleAgent() {
        Instant joined = acd.now();
        engine.callerJoined("c1", SALES, 0);

        assertEquals(List.of(new Offer("c1", SALES, List.of("1001"))), front.takeActions());
        assertEquals(List.of(
                new CallerQueued(joined, "c1", SALES, 0, 1),
                new AgentStateChanged(joined, "1001", AgentState.IDLE, AgentState.OFFERED),
                new CallerOffered(joined, "c1", SALES, List.of("1001"))), front.takeEvents());
        assertEquals(AgentState.OFFERED, acd.agent("1001").state());
    }

    @Test
    void answeredOfferConnectsAndReportsTheWait() {
        engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(4);
        front.clear();

        engine.offerAnswered("c1", "1001");

        assertEquals(List.of(new Connect("c1", "1001", Duration.ofSeconds(4))), front.takeActions());
        assertEquals(List.of(
                new AgentStateChanged(acd.now(), "1001", AgentState.OFFERED, AgentState.ON_CALL),
                new CallerConnected(acd.now(), "c1", SALES, "1001", Duration.ofSeconds(4))), front.takeEvents());
        assertEquals(1, acd.agent("1001").callsToday());
    }

    @Test
    void ringTimeoutIsAMissedOfferAndTheCallerGoesToTheNextAgent() {
        engine.callerJoined("c1", SALES, 0);
        front.clear();

        acd.clock.advance(QueuePolicy.R1_RING_TIMEOUT.minusMillis(1));
        engine.tick();
        assertEquals(List.of(), front.takeActions());

        acd.clock.advance(Duration.ofMillis(1));
        Instant timeout = acd.now();
        engine.tick();

        assertEquals(List.of(new CancelOffers("c1", List.of("1001")), new Offer("c1", SALES, List.of("1002"))),
                front.takeActions());
        assertEquals(List.of(
                new OfferNoAnswer(timeout, "c1", SALES, "1001"),
                new AgentStateChanged(timeout, "1001", AgentState.OFFERED, AgentState.IDLE),
                new AgentStatusChanged(timeout, "1001", AgentStatus.AVAILABLE, AgentStatus.NOT_READY, NO_ANSWER_REASON),
                new AgentStateChanged(timeout, "1002", AgentState.IDLE, AgentState.OFFERED),
                new CallerOffered(timeout, "c1", SALES, List.of("1002"))), front.takeEvents());
        assertEquals(AgentStatus.NOT_READY, acd.agent("1001").status());
        assertEquals(NO_ANSWER_REASON, acd.agent("1001").statusReason());
    }

    @Test
    void nextDeadlineIsTheRingTimeout() {
        Instant joined = acd.now();
        engine.callerJoined("c1", SALES, 0);
        assertEquals(joined.plus(QueuePolicy.R1_RING_TIMEOUT), engine.nextDeadline().orElseThrow());
    }

    @Test
    void missedOfferKeepsTheCallersPlace() {
        engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(1);
        engine.callerJoined("c2", SALES, 0);
        engine.offerAnswered("c2", "1002");
        engine.offerNoAnswer("c1", "1001");
        acd.clock.advanceSeconds(1);
        engine.callerJoined("c3", SALES, 0);
        assertEquals(1, engine.position("c1").orElseThrow());
        assertEquals(2, engine.position("c3").orElseThrow());
        front.clear();

        engine.callEnded("c2", AcdEvent.Party.AGENT);
        acd.clock.advance(QueuePolicy.DEFAULT_WRAP_UP);
        engine.tick();

        assertEquals(List.of(new Offer("c1", SALES, List.of("1002"))), front.takeActions());
    }

    @Test
    void noAnswerReportedByTheFrontReoffersAtOnce() {
        engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(3);
        front.clear();

        engine.offerNoAnswer("c1", "1001");

        assertEquals(List.of(new Offer("c1", SALES, List.of("1002"))), front.takeActions());
        assertEquals(AgentStatus.NOT_READY, acd.agent("1001").status());
    }

    @Test
    void rejectedOfferLeavesTheAgentAvailableButSkipsThemForThisCaller() {
        engine.callerJoined("c1", SALES, 0);
        engine.offerAnswered("c1", "1001");
        acd.clock.advanceSeconds(1);
        engine.callerJoined("c2", SALES, 0);
        front.clear();

        engine.offerRejected("c2", "1002");

        assertEquals(List.of(), front.takeActions());
        assertEquals(List.of(new OfferRejected(acd.now(), "c2", SALES, "1002")), front.takeEvents(OfferRejected.class));
        assertEquals(AgentStatus.AVAILABLE, acd.agent("1002").status());
        assertEquals(AgentState.IDLE, acd.agent("1002").state());

        engine.callerJoined("c3", SALES, 0);
        assertEquals(List.of(new Offer("c3", SALES, List.of("1002"))), front.takeActions());
    }

    @Test
    void agentBackFromNotReadyIsOfferedTheCallerWhoseOfferTheyMissed() {
        engine.notReady("1002", "meeting");
        engine.callerJoined("c1", SALES, 0);
        engine.offerNoAnswer("c1", "1001");
        front.clear();

        engine.available("1001");

        assertEquals(List.of(new Offer("c1", SALES, List.of("1001"))), front.takeActions());
    }

    @Test
    void answerAfterTheCallWasReofferedElsewhereIsRejected() {
        engine.callerJoined("c1", SALES, 0);
        acd.clock.advance(QueuePolicy.R1_RING_TIMEOUT);
        engine.tick();
        front.clear();

        engine.offerAnswered("c1", "1001");
        engine.offerAnswered("c1", "1002");

        assertEquals(List.of(new RejectAnswer("c1", "1001"), new Connect("c1", "1002", QueuePolicy.R1_RING_TIMEOUT)),
                front.takeActions());
        assertEquals(List.of(new LateAnswerRejected(acd.now(), "c1", "1001")),
                front.takeEvents(LateAnswerRejected.class));
        assertEquals(AgentState.IDLE, acd.agent("1001").state());
        assertEquals(AgentState.ON_CALL, acd.agent("1002").state());
    }

    @Test
    void answerForAnOldOfferWhileRingingForAnotherCallerIsRejectedAndTheNewOfferStands() {
        engine.callerJoined("c1", SALES, 0);
        engine.offerAnswered("c1", "1001");
        engine.callerJoined("c2", SALES, 0);
        engine.offerRejected("c2", "1002");
        engine.callerJoined("c3", SALES, 0);
        assertEquals(AgentState.OFFERED, acd.agent("1002").state());
        front.clear();

        engine.offerAnswered("c2", "1002");
        engine.offerAnswered("c3", "1002");

        assertEquals(List.of(new RejectAnswer("c2", "1002"), new Connect("c3", "1002", Duration.ZERO)),
                front.takeActions());
        assertEquals(1, engine.position("c2").orElseThrow());
    }

    @Test
    void callerHangingUpWhileWaitingIsAnAbandonWithItsWaitTime() {
        engine.notReady("1001", "meeting");
        engine.notReady("1002", "meeting");
        engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(30);
        front.clear();

        engine.callerLeft("c1");

        assertEquals(List.of(), front.takeActions());
        assertEquals(List.of(new CallerAbandoned(acd.now(), "c1", SALES, Duration.ofSeconds(30), false)),
                front.takeEvents());
        assertEquals(java.util.Optional.empty(), engine.position("c1"));
    }

    @Test
    void callerHangingUpWhileOfferedCancelsTheOfferAndFreesTheAgentWithoutWrapUp() {
        engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(5);
        front.clear();

        engine.callerLeft("c1");

        assertEquals(List.of(new CancelOffers("c1", List.of("1001"))), front.takeActions());
        assertEquals(List.of(
                new OfferCancelled(acd.now(), "c1", "1001", CancelCause.CALLER_LEFT),
                new AgentStateChanged(acd.now(), "1001", AgentState.OFFERED, AgentState.IDLE),
                new CallerAbandoned(acd.now(), "c1", SALES, Duration.ofSeconds(5), true)), front.takeEvents());
        assertEquals(AgentStatus.AVAILABLE, acd.agent("1001").status());

        engine.offerAnswered("c1", "1001");
        assertEquals(List.of(new RejectAnswer("c1", "1001")), front.takeActions());
        assertEquals(AgentState.IDLE, acd.agent("1001").state());
    }

    @Test
    void callerHangingUpAfterTheConnectEndsTheCall() {
        engine.callerJoined("c1", SALES, 0);
        engine.offerAnswered("c1", "1001");
        acd.clock.advanceSeconds(60);
        front.clear();

        engine.callerLeft("c1");

        assertEquals(List.of(new AcdEvent.CallCompleted(acd.now(), "c1", SALES, "1001", AcdEvent.Party.CALLER,
                Duration.ofSeconds(60))), front.takeEvents(AcdEvent.CallCompleted.class));
        assertEquals(AgentState.WRAP_UP, acd.agent("1001").state());
    }

    @Test
    void staleNoAnswerAndRejectionChangeNothing() {
        engine.callerJoined("c1", SALES, 0);
        engine.offerAnswered("c1", "1001");
        front.clear();

        engine.offerNoAnswer("c1", "1001");
        engine.offerRejected("c1", "1002");
        engine.offerNoAnswer("nobody", "1002");

        assertEquals(List.of(), front.takeActions());
        assertEquals(List.of(), front.takeEvents());
        assertEquals(AgentStatus.AVAILABLE, acd.agent("1001").status());
        assertEquals(AgentState.ON_CALL, acd.agent("1001").state());
    }
}
