package org.hotline.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;

/** Every call event an in-process Hotline emitted, for tests that compare times. Thread-safe. */
public final class CapturedCallEvents implements CallEventListener {

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(CallEvent event) {
        events.add(event);
    }

    /** The first event of {@code type}, waiting for it at most {@code timeout}. */
    public <T extends CallEvent> T first(Class<T> type, Duration timeout) {
        Await.until(() -> events.stream().anyMatch(type::isInstance), timeout, () -> "a " + type.getSimpleName() + " event");
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
