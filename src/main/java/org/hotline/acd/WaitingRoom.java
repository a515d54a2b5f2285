package org.hotline.acd;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callers in the ACD, across all queues, in the order they are served.
 *
 * <p>Threading: the {@link AcdEngine}'s serial executor only.
 */
final class WaitingRoom {

    private final Map<String, WaitingCaller> byCallId = new LinkedHashMap<>();
    private long arrivals;

    boolean contains(String callId) {
        return byCallId.containsKey(callId);
    }

    /** The next arrival number: first-come order among callers who joined at the same instant. */
    long nextArrival() {
        return arrivals++;
    }

    void add(WaitingCaller caller) {
        byCallId.put(caller.callId(), caller);
    }

    void remove(WaitingCaller caller) {
        byCallId.remove(caller.callId());
    }

    Optional<WaitingCaller> find(String callId) {
        return Optional.ofNullable(byCallId.get(callId));
    }

    /** Every caller, in turn across queues (priority, then first entry time). */
    List<WaitingCaller> inTurn() {
        return byCallId.values().stream().sorted(WaitingCaller.IN_TURN).toList();
    }

    Collection<WaitingCaller> all() {
        return List.copyOf(byCallId.values());
    }

    /** The caller's position in its queue, counting from 1. */
    int position(WaitingCaller caller) {
        return 1 + (int) byCallId.values().stream()
                .filter(other -> other.queue().equals(caller.queue()))
                .filter(other -> WaitingCaller.IN_TURN.compare(other, caller) < 0)
                .count();
    }
}
