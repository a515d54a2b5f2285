package org.hotline.recording;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several {@link RecordingListener}s as one (the store registers recordings, metrics count them),
 * each told in turn; what one throws is logged and does not keep the others from hearing.
 *
 * <p>Threading: as {@link RecordingListener}; holds no state of its own.
 */
public final class RecordingListeners implements RecordingListener {

    private static final Logger log = LoggerFactory.getLogger(RecordingListeners.class);

    private final List<RecordingListener> listeners;

    private RecordingListeners(List<RecordingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static RecordingListener of(RecordingListener... listeners) {
        return new RecordingListeners(List.of(listeners));
    }

    @Override
    public void recordingStarted(RecordingInfo info) {
        each(info.callId(), listener -> listener.recordingStarted(info));
    }

    @Override
    public void recordingFinished(RecordingInfo info) {
        each(info.callId(), listener -> listener.recordingFinished(info));
    }

    @Override
    public void recordingFailed(String callId, Throwable cause) {
        each(callId, listener -> listener.recordingFailed(callId, cause));
    }

    private void each(String callId, Consumer<RecordingListener> call) {
        for (RecordingListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.atError().addKeyValue("callId", callId).addKeyValue("listener", listener.getClass().getName())
                        .setCause(e).log("recording listener failed");
            }
        }
    }
}
