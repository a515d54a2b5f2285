package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.hotline.acd.AcdEvent.CallerConnected;
import org.hotline.acd.AcdEvent.CancelCause;
import org.hotline.acd.AcdEvent.OfferCancelled;
import org.hotline.acd.RecordingFront.CancelOffers;
import org.hotline.acd.RecordingFront.Connect;
import org.hotline.acd.RecordingFront.Offer;
import org.hotline.acd.RecordingFront.RejectAnswer;
import org.hotline.acd.routing.Strategy;
import org.junit.jupiter.api.Test;

/** Ring-all: parallel offers, the first answer wins, the others are CANCELled, never a double connect. */
class RingAllTest {

    private static final String HELP = "help";

    private final TestAcd acd = TestAcd.with(QueuePolicy.builder(HELP).strategy(Strategy.RING_ALL).build())
            .agent("1001", HELP).agent("1002", HELP).agent("1003", HELP)
            .build()
            .loggedIn("1003", "1001", "1002");
    private final RecordingFront front = acd.front;
    private final AcdEngine engine = acd.engine;

    @Test
    void offersEveryEligibleAgentAtOnce() {
        engine.callerJoined("c1", HELP, 0);

        assertEquals(List.of(new Offer("c1", HELP, List.of("1001", "1002", "1003"))), front.takeActions());
        for (String agent : List.of("1001", "1002", "1003")) {
            assertEquals(AgentState.OFFERED, acd.agent(agent).state());
        }
    }

    @Test
    void firstAnswerWinsAndTheOthersAreCancelled() {
        engine.callerJoined("c1", HELP, 0);
        acd.clock.advanceSeconds(2);
        front.clear();

        engine.offerAnswered("c1", "1002");

        assertEquals(List.of(
                new Connect("c1", "1002", Duration.ofSeconds(2)),
                new CancelOffers("c1", List.of("1001", "1003"))), front.takeActions());
        assertEquals(List.of(
                new OfferCancelled(acd.now(), "c1", "1001", CancelCause.ANSWERED_ELSEWHERE),
                new OfferCancelled(acd.now(), "c1", "1003", CancelCause.ANSWERED_ELSEWHERE)),
                front.takeEvents(OfferCancelled.class));
        assertEquals(AgentState.ON_CALL, acd.agent("1002").state());
        for (String loser : List.of("1001", "1003")) {
            assertEquals(AgentState.IDLE, acd.agent(loser).state());
            assertEquals(AgentStatus.AVAILABLE, acd.agent(loser).status());
        }
    }

    @Test
    void secondAnswerAfterTheWinIsRejectedNotConnected() {
        engine.callerJoined("c1", HELP, 0);
        engine.offerAnswered("c1", "1003");
        front.clear();

        engine.offerAnswered("c1", "1001");

        assertEquals(List.of(new RejectAnswer("c1", "1001")), front.takeActions());
        assertEquals(List.of(), front.takeEvents(CallerConnected.class));
        assertEquals(AgentState.IDLE, acd.agent("1001").state());
        assertEquals(AgentState.ON_CALL, acd.agent("1003").state());
    }

    @Test
    void losersOfTheRaceAreOfferedTheNextCaller() {
        engine.callerJoined("c1", HELP, 0);
        engine.callerJoined("c2", HELP, 0);
        assertEquals(List.of(new Offer("c1", HELP, List.of("1001", "1002", "1003"))), front.takeActions());

        engine.offerAnswered("c1", "1001");

        assertEquals(List.of(
                new Connect("c1", "1001", Duration.ZERO),
                new CancelOffers("c1", List.of("1002", "1003")),
                new Offer("c2", HELP, List.of("1002", "1003"))), front.takeActions());
    }

    @Test
    void oneLegFailingLeavesTheOthersRinging() {
        engine.callerJoined("c1", HELP, 0);
        front.clear();

        engine.offerNoAnswer("c1", "1001");
        engine.offerRejected("c1", "1002");

        assertEquals(List.of(), front.takeActions());
        assertEquals(AgentStatus.NOT_READY, acd.agent("1001").status());
        assertEquals(AgentStatus.AVAILABLE, acd.agent("1002").status());

        engine.offerAnswered("c1", "1003");
        assertEquals(List.of(new Connect("c1", "1003", Duration.ZERO)), front.takeActions());
    }

    @Test
    void ringTimeoutMissesEveryLegAndTheCallerWaits() {
        engine.callerJoined("c1", HELP, 0);
        acd.clock.advance(QueuePolicy.R1_RING_TIMEOUT);
        front.clear();

        engine.tick();

        assertEquals(List.of(new CancelOffers("c1", List.of("1001", "1002", "1003"))), front.takeActions());
        for (String agent : List.of("1001", "1002", "1003")) {
            assertEquals(AgentStatus.NOT_READY, acd.agent(agent).status());
        }
        assertEquals(1, engine.position("c1").orElseThrow());
    }

    @Test
    void callerHangingUpCancelsEveryLeg() {
        engine.callerJoined("c1", HELP, 0);
        front.clear();

        engine.callerLeft("c1");
        engine.offerAnswered("c1", "1002");

        assertEquals(List.of(new CancelOffers("c1", List.of("1001", "1002", "1003")), new RejectAnswer("c1", "1002")),
                front.takeActions());
        for (String agent : List.of("1001", "1002", "1003")) {
            assertEquals(AgentState.IDLE, acd.agent(agent).state());
        }
    }
}
