package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operators' picture of the engine (HTTP API): queues with callers in turn and agents; agents. */
class EngineSnapshotTest {

    @Test
    void queuesListWaitingCallersInTurnWithRingingAgentsAndTheQueuesAgents() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder("sales").build(), QueuePolicy.builder("support").build())
                .agent(new AgentProfile("1001", "Agent 1001", Map.of("sales", 1)))
                .agent("1002", "support")
                .build()
                .loggedIn("1001");
        Instant start = acd.now();
        acd.engine.callerJoined("first", "sales", 0);
        acd.clock.advanceSeconds(1);
        acd.engine.callerJoined("urgent", "sales", 3);

        assertEquals(List.of(
                new QueueInfo("sales", List.of(
                        new QueueInfo.Waiting("urgent", 1, 3, CallerState.WAITING, start.plusSeconds(1), List.of()),
                        new QueueInfo.Waiting("first", 2, 0, CallerState.OFFERED, start, List.of("1001"))),
                        List.of(new QueueInfo.Member("1001", 1, AgentStatus.AVAILABLE, AgentState.OFFERED))),
                new QueueInfo("support", List.of(), List.of(new QueueInfo.Member("1002", 0, AgentStatus.LOGGED_OUT, AgentState.IDLE)))),
                acd.engine.queues());
    }

    @Test
    void agentsAreListedInConfiguredOrder() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder("sales").build()).agent("1002", "sales").agent("1001", "sales").build();

        assertEquals(List.of("1002", "1001"), acd.engine.agents().stream().map(AgentInfo::workNumber).toList());
    }
}
