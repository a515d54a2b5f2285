package org.hotline.event;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans one event out to several listeners in order. A listener that throws breaks its contract;
 * the failure is logged with the call id and the other listeners still get the event.
 */
public final class CompositeCallEventListener implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(CompositeCallEventListener.class);

    private final List<CallEventListener> listeners;

    public CompositeCallEventListener(List<CallEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onEvent(CallEvent event) {
        for (CallEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.atError().addKeyValue("callId", event.callId()).setCause(e)
                        .log("call-event listener {} failed on {}", listener.getClass().getName(), event);
            }
        }
    }
}
