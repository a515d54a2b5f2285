package org.hotline.acd.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.acd.AgentState;
import org.hotline.acd.AgentStatus;
import org.junit.jupiter.api.Test;

/** Every strategy as the pure function of a snapshot it is meant to be. */
class RoutingStrategiesTest {

    private static final Instant NOW = Instant.parse("2025-03-03T02:00:00Z");

    private static AgentView ready(String workNumber, int level, int secondsReady, int callsToday) {
        return new AgentView(workNumber, AgentStatus.AVAILABLE, AgentState.IDLE, level,
                NOW.minusSeconds(secondsReady), callsToday);
    }

    private static AgentView with(AgentView view, AgentStatus status, AgentState state) {
        return new AgentView(view.workNumber(), status, state, view.level(), view.readySince(), view.callsToday());
    }

    private static RoutingSnapshot snapshot(List<AgentView> agents) {
        return new RoutingSnapshot("sales", agents, Set.of(), Optional.empty());
    }

    @Test
    void longestIdleChoosesTheAgentReadyTheLongest() {
        var agents = List.of(ready("1001", 0, 30, 0), ready("1002", 0, 90, 5), ready("1003", 0, 60, 0));
        assertEquals(List.of("1002"), new LongestIdleStrategy().choose(snapshot(agents), NOW));
    }

    @Test
    void longestIdleBreaksTiesByWorkNumber() {
        var agents = List.of(ready("1003", 0, 60, 0), ready("1002", 0, 60, 0));
        assertEquals(List.of("1002"), new LongestIdleStrategy().choose(snapshot(agents), NOW));
    }

    @Test
    void onlyAvailableIdleAgentsAreEligible() {
        var agents = List.of(
                with(ready("1001", 0, 900, 0), AgentStatus.NOT_READY, AgentState.IDLE),
                with(ready("1002", 0, 800, 0), AgentStatus.ON_BREAK, AgentState.IDLE),
                with(ready("1003", 0, 700, 0), AgentStatus.AVAILABLE, AgentState.WRAP_UP),
                with(ready("1004", 0, 600, 0), AgentStatus.AVAILABLE, AgentState.ON_CALL),
                with(ready("1005", 0, 500, 0), AgentStatus.AVAILABLE, AgentState.OFFERED),
                with(ready("1006", 0, 400, 0), AgentStatus.LOGGED_OUT, AgentState.IDLE),
                ready("1007", 0, 10, 0));
        for (Strategy strategy : Strategy.values()) {
            assertEquals(List.of("1007"), strategy.routing().choose(snapshot(agents), NOW), strategy.name());
        }
    }

    @Test
    void skippedAgentsAreNotChosenForThisCaller() {
        var agents = List.of(ready("1001", 0, 90, 0), ready("1002", 0, 30, 0));
        var snapshot = new RoutingSnapshot("sales", agents, Set.of("1001"), Optional.empty());
        for (Strategy strategy : Strategy.values()) {
            assertEquals(List.of("1002"), strategy.routing().choose(snapshot, NOW), strategy.name());
        }
    }

    @Test
    void nobodyEligibleChoosesNobody() {
        var agents = List.of(with(ready("1001", 0, 90, 0), AgentStatus.NOT_READY, AgentState.IDLE));
        for (Strategy strategy : Strategy.values()) {
            assertEquals(List.of(), strategy.routing().choose(snapshot(agents), NOW), strategy.name());
        }
    }

    @Test
    void roundRobinTakesTheNextAgentAfterTheCursorAndWraps() {
        var agents = List.of(ready("1003", 0, 1, 0), ready("1001", 0, 1, 0), ready("1002", 0, 1, 0));
        var strategy = new RoundRobinStrategy();
        assertEquals(List.of("1001"), strategy.choose(snapshot(agents), NOW));
        assertEquals(List.of("1002"), strategy.choose(cursorAt(agents, "1001"), NOW));
        assertEquals(List.of("1003"), strategy.choose(cursorAt(agents, "1002"), NOW));
        assertEquals(List.of("1001"), strategy.choose(cursorAt(agents, "1003"), NOW));
    }

    @Test
    void roundRobinSkipsIneligibleAgentsInTurn() {
        var agents = List.of(ready("1001", 0, 1, 0),
                with(ready("1002", 0, 1, 0), AgentStatus.AVAILABLE, AgentState.ON_CALL), ready("1003", 0, 1, 0));
        assertEquals(List.of("1003"), new RoundRobinStrategy().choose(cursorAt(agents, "1001"), NOW));
    }

    @Test
    void roundRobinCursorOnAnAgentWhoLeftStillMovesOn() {
        var agents = List.of(ready("1001", 0, 1, 0), ready("1003", 0, 1, 0));
        assertEquals(List.of("1003"), new RoundRobinStrategy().choose(cursorAt(agents, "1002"), NOW));
    }

    @Test
    void fewestCallsChoosesTheAgentWithFewestCallsToday() {
        var agents = List.of(ready("1001", 0, 300, 7), ready("1002", 0, 10, 2), ready("1003", 0, 20, 4));
        assertEquals(List.of("1002"), new FewestCallsStrategy().choose(snapshot(agents), NOW));
    }

    @Test
    void fewestCallsBreaksTiesByLongestIdle() {
        var agents = List.of(ready("1001", 0, 10, 2), ready("1002", 0, 50, 2), ready("1003", 0, 90, 3));
        assertEquals(List.of("1002"), new FewestCallsStrategy().choose(snapshot(agents), NOW));
    }

    @Test
    void ringAllChoosesEveryEligibleAgentInWorkNumberOrder() {
        var agents = List.of(ready("1003", 0, 10, 0), ready("1001", 0, 20, 0),
                with(ready("1002", 0, 30, 0), AgentStatus.NOT_READY, AgentState.IDLE), ready("1004", 0, 1, 0));
        assertEquals(List.of("1001", "1003", "1004"), new RingAllStrategy().choose(snapshot(agents), NOW));
    }

    @Test
    void lowestLevelIsTriedFirstAndTheStrategyOrdersWithinIt() {
        var agents = List.of(ready("1001", 2, 900, 0), ready("1002", 1, 10, 0), ready("1003", 1, 50, 0));
        assertEquals(List.of("1003"), Strategy.LONGEST_IDLE.routing().choose(snapshot(agents), NOW));
        assertEquals(List.of("1002", "1003"), Strategy.RING_ALL.routing().choose(snapshot(agents), NOW));
    }

    @Test
    void higherLevelIsReachedWhenNoLowerLevelAgentIsEligible() {
        var agents = List.of(ready("1001", 2, 900, 0),
                with(ready("1002", 1, 10, 0), AgentStatus.AVAILABLE, AgentState.ON_CALL), ready("1003", 3, 950, 0));
        assertEquals(List.of("1001"), Strategy.LONGEST_IDLE.routing().choose(snapshot(agents), NOW));
        var skipped = new RoutingSnapshot("sales", agents, Set.of("1001"), Optional.empty());
        assertEquals(List.of("1003"), Strategy.FEWEST_CALLS.routing().choose(skipped, NOW));
    }

    @Test
    void choosingIsPure() {
        var agents = List.of(ready("1001", 0, 90, 0), ready("1002", 0, 30, 0));
        var snapshot = cursorAt(agents, "1001");
        for (Strategy strategy : Strategy.values()) {
            RoutingStrategy routing = strategy.routing();
            assertEquals(routing.choose(snapshot, NOW), routing.choose(snapshot, NOW), strategy.name());
        }
    }

    private static RoutingSnapshot cursorAt(List<AgentView> agents, String cursor) {
        return new RoutingSnapshot("sales", agents, Set.of(), Optional.of(cursor));
    }
}
