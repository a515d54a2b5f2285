package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.hotline.acd.RecordingFront.CancelOffers;
import org.hotline.acd.RecordingFront.Offer;
import org.junit.jupiter.api.Test;

/** A blind transfer to one agent: the caller is offered to that agent first, then to the queue. */
class PreferredAgentTest {

    private static final String SALES = "sales";

    private final TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).build())
            .agent("1001", SALES).agent("1002", SALES).agent("1003", SALES)
            .build()
            .loggedIn("1001", "1002", "1003");
    private final AcdEngine engine = acd.engine;

    @Test
    void transferredCallerIsOfferedToThePreferredAgentAlone() {
        engine.callerJoined("c1", SALES, 0, Optional.of("1003"));

        assertEquals(List.of(new Offer("c1", SALES, List.of("1003"))), acd.front.takeActions());
    }

    @Test
    void preferredAgentNotEligibleFallsBackToNormalRouting() {
        engine.notReady("1003", "lunch");
        acd.front.clear();

        engine.callerJoined("c1", SALES, 0, Optional.of("1003"));

        assertEquals(List.of(new Offer("c1", SALES, List.of("1001"))), acd.front.takeActions());
    }

    @Test
    void unreachablePreferredAgentFallsBackToNormalRouting() {
        engine.agentReachable("1003", false);
        engine.callerJoined("c1", SALES, 0, Optional.of("1003"));

        assertEquals(List.of(new Offer("c1", SALES, List.of("1001"))), acd.front.takeActions());
    }

    @Test
    void preferredAgentWhoDoesNotAnswerWithinTheRingTimeoutFallsBackToTheQueue() {
        engine.callerJoined("c1", SALES, 0, Optional.of("1003"));
        acd.front.clear();

        acd.clock.advance(QueuePolicy.R1_RING_TIMEOUT);
        engine.tick();

        assertEquals(List.of(new CancelOffers("c1", List.of("1003")), new Offer("c1", SALES, List.of("1001"))),
                acd.front.takeActions());
    }

    @Test
    void preferenceIsSpentWhenThePreferredAgentWasNotEligibleOnPlacement() {
        engine.agentReachable("1001", false);
        engine.agentReachable("1002", false);
        engine.agentReachable("1003", false);
        engine.callerJoined("c1", SALES, 0);
        engine.callerJoined("c2", SALES, 0, Optional.of("1003"));
        acd.front.clear();

        engine.agentReachable("1003", true);

        assertEquals(List.of(new Offer("c1", SALES, List.of("1003"))), acd.front.takeActions());
    }
}
