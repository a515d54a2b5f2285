package org.hotline.sip;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The current {@link AgentLegState} of one agent INVITE, moved only by atomic compare-and-move
 * steps, so that events racing on different stack threads (a CANCEL and a provisional response,
 * the agent's BYE and our hang-up) each see one consistent state. Thread-safe.
 */
final class AgentLegStates {

    private final ReentrantLock lock = new ReentrantLock();
    private AgentLegState state = AgentLegState.CALLING;

    AgentLegState current() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** Moves to {@code to} if in one of {@code from}; false otherwise. */
    boolean move(AgentLegState to, AgentLegState... from) {
        return leave(to, from) != null;
    }

    /** Moves to {@code to} if in one of {@code from}; returns the state left, or null if none matched. */
    AgentLegState leave(AgentLegState to, AgentLegState... from) {
        lock.lock();
        try {
            for (AgentLegState candidate : from) {
                if (state == candidate) {
                    state = state.to(to);
                    return candidate;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * One step of two alternatives, {@code fromA -> toA} or {@code fromB -> toB}; returns the new
     * state, or null if in neither (a CANCEL and a provisional response racing cannot both miss
     * the CANCEL_PENDING -> CANCELLING step).
     */
    AgentLegState either(AgentLegState fromA, AgentLegState toA, AgentLegState fromB, AgentLegState toB) {
        lock.lock();
        try {
            if (state == fromA) {
                state = state.to(toA);
            } else if (state == fromB) {
                state = state.to(toB);
            } else {
                return null;
            }
            return state;
        } finally {
            lock.unlock();
        }
    }
}
