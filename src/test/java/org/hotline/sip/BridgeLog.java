package org.hotline.sip;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.media.BridgeListener;
import org.hotline.media.MediaSession;

/** A {@link BridgeListener} that keeps what it heard, in order, for tests. Thread-safe. */
final class BridgeLog implements BridgeListener {

    /** {@code caller} is null for an unbridge. */
    record Entry(String kind, String callId, MediaSession caller, MediaSession agent) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void bridged(String callId, MediaSession caller, MediaSession agent) {
        entries.add(new Entry("bridged", callId, caller, agent));
    }

    @Override
    public void unbridged(String callId, MediaSession agent) {
        entries.add(new Entry("unbridged", callId, null, agent));
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
