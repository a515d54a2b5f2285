package org.hotline.event;

/**
 * The one observability hook: metrics, logs and (later) call records are implementations of it.
 * Called from the thread that caused the event (a call's virtual thread or a SIP stack thread);
 * implementations must be thread-safe, fast, and must not throw.
 */
@FunctionalInterface
public interface CallEventListener {

    void onEvent(CallEvent event);

    CallEventListener NONE = event -> { };
}
