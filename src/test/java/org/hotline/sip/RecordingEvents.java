package org.hotline.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;

/** Keeps every call event; tests wait on it with a deadline. */
final class RecordingEvents implements CallEventListener {

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(CallEvent event) {
        events.add(event);
    }

    List<CallEvent> of(String callId) {
        return events.stream().filter(e -> e.callId().equals(callId)).toList();
    }

    <T extends CallEvent> List<T> ofType(String callId, Class<T> type) {
        return of(callId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends CallEvent> T awaitOne(String callId, Class<T> type) {
        waitUntil(() -> !ofType(callId, type).isEmpty(), Duration.ofSeconds(10), type.getSimpleName() + " for " + callId);
        return ofType(callId, type).get(0);
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }
}
