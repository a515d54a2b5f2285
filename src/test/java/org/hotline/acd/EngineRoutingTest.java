package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.acd.AcdEvent.Party;
import org.hotline.acd.RecordingFront.Action;
import org.hotline.acd.RecordingFront.Offer;
import org.hotline.acd.routing.Strategy;
import org.junit.jupiter.api.Test;

/** Each queue strategy as the engine applies it over several calls, including skill levels. */
class EngineRoutingTest {

    private static final String Q = "q";

    private static TestAcd acd(Strategy strategy) {
        return TestAcd.with(QueuePolicy.builder(Q).strategy(strategy).wrapUp(Duration.ZERO).build())
                .agent("1001", Q).agent("1002", Q).agent("1003", Q)
                .build()
                .loggedIn("1003", "1001", "1002");
    }

    /** Joins, answers with whoever was offered, ends the call, and returns who took it. */
    private static String serveOne(TestAcd acd, String callId) {
        acd.engine.callerJoined(callId, Q, 0);
        List<Action> actions = acd.front.takeActions();
        String agent = ((Offer) actions.getFirst()).agents().getFirst();
        acd.engine.offerAnswered(callId, agent);
        acd.clock.advanceSeconds(10);
        acd.engine.callEnded(callId, Party.AGENT);
        acd.clock.advanceSeconds(1);
        acd.front.clear();
        return agent;
    }

    @Test
    void longestIdleRotatesByWhoWasFreedFirst() {
        TestAcd acd = acd(Strategy.LONGEST_IDLE);
        assertEquals(List.of("1003", "1001", "1002", "1003"),
                List.of(serveOne(acd, "c1"), serveOne(acd, "c2"), serveOne(acd, "c3"), serveOne(acd, "c4")));
    }

    @Test
    void roundRobinTakesTurnsInWorkNumberOrder() {
        TestAcd acd = acd(Strategy.ROUND_ROBIN);
        assertEquals(List.of("1001", "1002", "1003", "1001"),
                List.of(serveOne(acd, "c1"), serveOne(acd, "c2"), serveOne(acd, "c3"), serveOne(acd, "c4")));
    }

    @Test
    void roundRobinMovesOnAfterAMissedOffer() {
        TestAcd acd = acd(Strategy.ROUND_ROBIN);
        acd.engine.callerJoined("c1", Q, 0);
        acd.front.clear();

        acd.engine.offerNoAnswer("c1", "1001");

        assertEquals(List.of(new Offer("c1", Q, List.of("1002"))), acd.front.takeActions());
    }

    @Test
    void fewestCallsPrefersTheAgentWithFewestCallsToday() {
        TestAcd acd = acd(Strategy.FEWEST_CALLS);
        acd.engine.notReady("1002", "training");
        serveOne(acd, "c1");
        serveOne(acd, "c2");
        acd.engine.available("1002");

        assertEquals("1002", serveOne(acd, "c3"));
        assertEquals(Map.of("1001", 1, "1002", 1, "1003", 1), Map.of(
                "1001", acd.agent("1001").callsToday(), "1002", acd.agent("1002").callsToday(),
                "1003", acd.agent("1003").callsToday()));
    }

    @Test
    void ringAllOffersEveryoneAndCountsTheCallForTheWinnerOnly() {
        TestAcd acd = acd(Strategy.RING_ALL);
        acd.engine.callerJoined("c1", Q, 0);
        assertEquals(List.of(new Offer("c1", Q, List.of("1001", "1002", "1003"))), acd.front.takeActions());
        acd.engine.offerAnswered("c1", "1003");
        assertEquals(List.of(0, 0, 1), List.of(acd.agent("1001").callsToday(), acd.agent("1002").callsToday(),
                acd.agent("1003").callsToday()));
    }

    @Test
    void lowerLevelAgentsAreOfferedFirstAndHigherLevelsWhenTheyAreBusy() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(Q).build())
                .agent(new AgentProfile("2001", "Senior", Map.of(Q, 2)))
                .agent(new AgentProfile("1001", "Primary", Map.of(Q, 1)))
                .agent(new AgentProfile("3001", "Overflow", Map.of(Q, 3)))
                .build()
                .loggedIn("3001", "2001", "1001");

        acd.engine.callerJoined("c1", Q, 0);
        acd.engine.callerJoined("c2", Q, 0);
        acd.engine.callerJoined("c3", Q, 0);

        assertEquals(List.of(
                new Offer("c1", Q, List.of("1001")),
                new Offer("c2", Q, List.of("2001")),
                new Offer("c3", Q, List.of("3001"))), acd.front.takeActions());
    }

    @Test
    void agentServingTwoQueuesTakesTheLongestWaitingCallerOfEither() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder("a").build(), QueuePolicy.builder("b").build())
                .agent("1001", "a", "b")
                .build();
        acd.engine.callerJoined("in-b", "b", 0);
        acd.clock.advanceSeconds(1);
        acd.engine.callerJoined("in-a", "a", 0);

        acd.engine.login("1001");

        assertEquals(List.of(new Offer("in-b", "b", List.of("1001"))), acd.front.takeActions());
    }
}
