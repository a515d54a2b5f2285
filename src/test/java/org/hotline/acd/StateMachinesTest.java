package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The agent status, agent state and caller tables: exactly as documented, complete, and enforced. */
class StateMachinesTest {

    private static final Map<AgentStatus, Set<AgentStatus>> STATUS_TABLE = Map.of(
            AgentStatus.LOGGED_OUT, Set.of(AgentStatus.AVAILABLE),
            AgentStatus.AVAILABLE, Set.of(AgentStatus.NOT_READY, AgentStatus.ON_BREAK, AgentStatus.LOGGED_OUT),
            AgentStatus.NOT_READY, Set.of(AgentStatus.AVAILABLE, AgentStatus.ON_BREAK, AgentStatus.LOGGED_OUT),
            AgentStatus.ON_BREAK, Set.of(AgentStatus.AVAILABLE, AgentStatus.NOT_READY, AgentStatus.LOGGED_OUT));

    private static final Map<AgentState, Set<AgentState>> STATE_TABLE = Map.of(
            AgentState.IDLE, Set.of(AgentState.OFFERED),
            AgentState.OFFERED, Set.of(AgentState.ON_CALL, AgentState.IDLE),
            AgentState.ON_CALL, Set.of(AgentState.ON_HOLD, AgentState.WRAP_UP, AgentState.IDLE),
            AgentState.ON_HOLD, Set.of(AgentState.ON_CALL, AgentState.WRAP_UP, AgentState.IDLE),
            AgentState.WRAP_UP, Set.of(AgentState.IDLE));

    private static final Map<CallerState, Set<CallerState>> CALLER_TABLE = Map.of(
            CallerState.WAITING, Set.of(CallerState.OFFERED, CallerState.ABANDONED, CallerState.NOT_SERVED),
            CallerState.OFFERED, Set.of(CallerState.WAITING, CallerState.CONNECTED, CallerState.ABANDONED),
            CallerState.CONNECTED, Set.of(),
            CallerState.ABANDONED, Set.of(),
            CallerState.NOT_SERVED, Set.of());

    @Test
    void agentStatusTableIsCompleteAndEnforced() {
        assertTableEnforced(AgentStatus.class, STATUS_TABLE, AgentStatus::successors, AgentStatus::moveTo);
        assertAllReachable(AgentStatus.LOGGED_OUT, AgentStatus.class, AgentStatus::successors);
    }

    @Test
    void agentStateTableIsCompleteAndEnforced() {
        assertTableEnforced(AgentState.class, STATE_TABLE, AgentState::successors, AgentState::moveTo);
        assertAllReachable(AgentState.IDLE, AgentState.class, AgentState::successors);
    }

    @Test
    void callerTableIsCompleteAndEnforced() {
        assertTableEnforced(CallerState.class, CALLER_TABLE, CallerState::successors, CallerState::moveTo);
        assertAllReachable(CallerState.WAITING, CallerState.class, CallerState::successors);
    }

    @Test
    void noStatusOrStateMovesToItself() {
        for (AgentStatus status : AgentStatus.values()) {
            assertFalse(status.canMoveTo(status), status.name());
        }
        for (AgentState state : AgentState.values()) {
            assertFalse(state.canMoveTo(state), state.name());
        }
    }

    @Test
    void illegalTransitionNamesBothEnds() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> AgentState.WRAP_UP.moveTo(AgentState.ON_CALL));
        assertSame(AgentState.WRAP_UP, e.from());
        assertSame(AgentState.ON_CALL, e.to());
        assertEquals("AgentState: no transition WRAP_UP -> ON_CALL", e.getMessage());
    }

    @Test
    void agentEntityRefusesAnIllegalStateChange() {
        Agent agent = new Agent(AgentProfile.of("1001", "Li", "sales"), TestAcd.START, java.time.LocalDate.of(2025, 3, 3));
        assertThrows(IllegalTransitionException.class, () -> agent.changeState(AgentState.ON_CALL, TestAcd.START));
        assertThrows(IllegalTransitionException.class,
                () -> agent.changeStatus(AgentStatus.ON_BREAK, "", TestAcd.START));
        assertEquals(AgentState.IDLE, agent.state());
        assertEquals(AgentStatus.LOGGED_OUT, agent.status());
    }

    private static <E extends Enum<E>> void assertTableEnforced(Class<E> type, Map<E, Set<E>> expected,
            Function<E, Set<E>> successors, BiFunction<E, E, E> moveTo) {
        assertEquals(EnumSet.allOf(type), EnumSet.copyOf(expected.keySet()), "every value has a row");
        for (E from : type.getEnumConstants()) {
            assertEquals(expected.get(from), successors.apply(from), "row " + from);
            for (E to : type.getEnumConstants()) {
                if (expected.get(from).contains(to)) {
                    assertSame(to, moveTo.apply(from, to));
                } else {
                    assertThrows(IllegalTransitionException.class, () -> moveTo.apply(from, to), from + " -> " + to);
                }
            }
        }
    }

    private static <E extends Enum<E>> void assertAllReachable(E start, Class<E> type, Function<E, Set<E>> successors) {
        Set<E> seen = EnumSet.of(start);
        Deque<E> todo = new ArrayDeque<>(Set.of(start));
        while (!todo.isEmpty()) {
            for (E next : successors.apply(todo.pop())) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        assertTrue(seen.containsAll(EnumSet.allOf(type)), "unreachable: " + EnumSet.complementOf(EnumSet.copyOf(seen)));
    }
}
