package org.hotline.acd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records every command and event the engine emits, in order, as comparable records. */
final class RecordingFront implements AcdActions, AcdEventListener {

    sealed interface Action {}

    record Offer(String callId, String queue, List<String> agents) implements Action {}

    record CancelOffers(String callId, List<String> agents) implements Action {}

    record RejectAnswer(String callId, String agent) implements Action {}

    record Connect(String callId, String agent, Duration waited) implements Action {}

    record Announce(String callId, int position, Optional<Duration> expectedWait) implements Action {}

    record Overflowed(String callId, String toQueue) implements Action {}

    record NotServed(String callId, NotServedReason reason) implements Action {}

    record OfferCallback(String callId, Optional<Duration> expectedWait) implements Action {}

    private final List<Action> actions = new ArrayList<>();
    private final List<AcdEvent> events = new ArrayList<>();

    /** The actions since the last call, then forgets them. */
    List<Action> takeActions() {
        List<Action> taken = List.copyOf(actions);
        actions.clear();
        return taken;
    }

    /** The events since the last call, then forgets them. */
    List<AcdEvent> takeEvents() {
        List<AcdEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** The events of one type since the last take, then forgets all events. */
    <T extends AcdEvent> List<T> takeEvents(Class<T> type) {
        return takeEvents().stream().filter(type::isInstance).map(type::cast).toList();
    }

    void clear() {
        actions.clear();
        events.clear();
    }

    @Override
    public void onEvent(AcdEvent event) {
        events.add(event);
    }

    @Override
    public void offer(String callId, String queue, List<String> agents) {
        actions.add(new Offer(callId, queue, List.copyOf(agents)));
    }

    @Override
    public void cancelOffers(String callId, List<String> agents) {
        actions.add(new CancelOffers(callId, List.copyOf(agents)));
    }

    @Override
    public void rejectAnswer(String callId, String agent) {
        actions.add(new RejectAnswer(callId, agent));
    }

    @Override
    public void connect(String callId, String agent, Duration waited) {
        actions.add(new Connect(callId, agent, waited));
    }

    @Override
    public void announce(String callId, int position, Optional<Duration> expectedWait) {
        actions.add(new Announce(callId, position, expectedWait));
    }

    @Override
    public void overflowed(String callId, String toQueue) {
        actions.add(new Overflowed(callId, toQueue));
    }

    @Override
    public void notServed(String callId, NotServedReason reason) {
        actions.add(new NotServed(callId, reason));
    }

    @Override
    public void offerCallback(String callId, Optional<Duration> expectedWait) {
        actions.add(new OfferCallback(callId, expectedWait));
    }
}
