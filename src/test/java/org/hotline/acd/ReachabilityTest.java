package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.hotline.acd.RecordingFront.Connect;
import org.hotline.acd.RecordingFront.Offer;
import org.junit.jupiter.api.Test;

/** The agents' device state from the registrar: only reachable agents are offered calls. */
class ReachabilityTest {

    private static final String SALES = "sales";

    private final TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).build())
            .agent("1001", SALES).agent("1002", SALES)
            .build()
            .loggedIn("1001", "1002");
    private final AcdEngine engine = acd.engine;

    @Test
    void unreachableAgentIsNotOfferedButStaysAvailable() {
        engine.agentReachable("1001", false);
        engine.callerJoined("c1", SALES, 0);

        assertEquals(List.of(new Offer("c1", SALES, List.of("1002"))), acd.front.takeActions());
        assertEquals(AgentStatus.AVAILABLE, acd.agent("1001").status());
        assertFalse(acd.agent("1001").reachable());
    }

    @Test
    void callerWaitsWhileNobodyIsReachableAndIsOfferedWhenAnAgentRegisters() {
        engine.agentReachable("1001", false);
        engine.agentReachable("1002", false);
        engine.callerJoined("c1", SALES, 0);
        assertEquals(List.of(), acd.front.takeActions());

        acd.clock.advanceSeconds(3);
        engine.agentReachable("1002", true);

        assertEquals(List.of(new Offer("c1", SALES, List.of("1002"))), acd.front.takeActions());
    }

    @Test
    void registrationLapseWhileRingingLeavesTheOfferToItsOutcome() {
        engine.callerJoined("c1", SALES, 0);
        acd.front.clear();

        engine.agentReachable("1001", false);
        assertEquals(List.of(), acd.front.takeActions());
        assertEquals(AgentState.OFFERED, acd.agent("1001").state());

        acd.clock.advanceSeconds(2);
        engine.offerAnswered("c1", "1001");
        assertEquals(List.of(new Connect("c1", "1001", java.time.Duration.ofSeconds(2))), acd.front.takeActions());
    }

    @Test
    void reachabilityOfAnUnknownAgentIsIgnored() {
        engine.agentReachable("9999", false);
        engine.callerJoined("c1", SALES, 0);
        assertEquals(List.of(new Offer("c1", SALES, List.of("1001"))), acd.front.takeActions());
    }
}
