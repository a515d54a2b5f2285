package org.hotline.acd;

/**
 * Receives every {@link AcdEvent}; the composition root maps them onto the one call-event listener.
 * Called on the ACD's serial executor: implementations must be fast, must not block and must not
 * throw.
 */
@FunctionalInterface
public interface AcdEventListener {

    void onEvent(AcdEvent event);

    AcdEventListener NONE = event -> { };
}
