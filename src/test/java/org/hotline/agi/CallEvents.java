package org.hotline.agi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;

/** Keeps every call event; tests wait on it with a deadline. */
final class CallEvents implements CallEventListener {

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(CallEvent event) {
        events.add(event);
    }

    <T extends CallEvent> List<T> of(String callId, Class<T> type) {
        return events.stream().filter(e -> e.callId().equals(callId)).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends CallEvent> T awaitOne(String callId, Class<T> type, Duration timeout) {
        waitUntil(() -> !of(callId, type).isEmpty(), timeout, type.getSimpleName() + " of " + callId + " in " + events);
        return of(callId, type).getFirst();
    }

    /** Waits for {@code condition} at most {@code timeout}; whether it came true. */
    static boolean waitUntilOrGiveUp(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            LockSupport.parkNanos(5_000_000);
        }
        return true;
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
