package org.hotline.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every call event as one structured log line carrying the call id ({@code callId=...}),
 * so a call can be followed by grepping its SIP Call-ID. Stateless; any thread.
 */
public final class LoggingCallEventListener implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger("org.hotline.calls");

    @Override
    public void onEvent(CallEvent event) {
        log.atInfo()
                .addKeyValue("callId", event.callId())
                .addKeyValue("event", event.getClass().getSimpleName())
                .log("{}", event);
    }
}
