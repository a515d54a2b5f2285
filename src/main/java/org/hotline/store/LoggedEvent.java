package org.hotline.store;

import java.time.Instant;

/**
 * One entry of the numbered event log: a queue or agent event with its global sequence number
 * ({@code seq}, 0 until stored; strictly increasing in the order the events happened, not
 * necessarily without gaps), its type (the event record's name, e.g. {@code QueueEntered}), the
 * call, queue and agent it concerns where it has them, and the whole event as JSON.
 *
 * @param eventId unique id that makes a replayed write of the same entry a no-op
 */
public record LoggedEvent(long seq, String eventId, Instant at, String type, String callId, String queue,
        String agent, String details) {
}
