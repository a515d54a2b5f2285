package org.hotline.acd;

import java.time.Instant;
import java.util.List;

/**
 * An immutable picture of one queue for operators (HTTP API): its waiting callers in turn and the
 * agents serving it. Safe to hand to other threads.
 *
 * @param waiting callers in turn, ringing ones included
 * @param agents  agents serving the queue, in configured order
 */
public record QueueInfo(String name, List<Waiting> waiting, List<Member> agents) {

    public QueueInfo {
        waiting = List.copyOf(waiting);
        agents = List.copyOf(agents);
    }

    /**
     * A caller in the queue.
     *
     * @param enteredAt      when the caller first joined the ACD (their wait counts from here)
     * @param ringing        the agents being offered this caller right now
     * @param queueEnteredAt when the caller joined this queue: {@code enteredAt}, or the overflow into
     *                       it (the queue's maximum wait counts from here)
     */
    public record Waiting(String callId, int position, int priority, CallerState state, Instant enteredAt,
            List<String> ringing, Instant queueEnteredAt) {
        public Waiting {
            ringing = List.copyOf(ringing);
        }

        /** A caller who has not overflowed: in this queue since first joining the ACD. */
        public Waiting(String callId, int position, int priority, CallerState state, Instant enteredAt,
                List<String> ringing) {
            this(callId, position, priority, state, enteredAt, ringing, enteredAt);
        }
    }

    /** An agent serving the queue at {@code level} (lower levels are offered first). */
    public record Member(String workNumber, int level, AgentStatus status, AgentState state) {
    }
}
