package org.hotline.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.hotline.call.QueueGateway;
import org.hotline.event.CallEventListener;
import org.hotline.media.BridgeListener;
import org.hotline.media.MediaEngine;
import org.hotline.prompt.Prompts;
import org.hotline.sip.registrar.Registrar;
import org.hotline.sip.sdp.SdpNegotiator;

/**
 * What every {@link SipCall} and agent leg of a front shares. Immutable; the parts are thread-safe.
 *
 * @param registrar where agent offers find the agent's contacts
 * @param timers    the front's one scheduler thread: short, non-blocking tasks only (registration
 *                  purge, the RFC 3261 §9.1 bound on a cancelled INVITE)
 * @param bridges   told when a caller and an agent are bridged and unbridged (call recording)
 */
record SipCallContext(
        SipMessaging messaging,
        SdpNegotiator negotiator,
        Prompts prompts,
        QueueGateway queues,
        CallEventListener events,
        Clock clock,
        Duration ringDelay,
        SipTuning tuning,
        ActiveCalls calls,
        MediaEngine mediaEngine,
        Registrar registrar,
        ScheduledExecutorService timers,
        BridgeListener bridges) {

    /** For calls that are not callers' (an agent's feature code): answered at once, no call events. */
    SipCallContext unannounced() {
        return new SipCallContext(messaging, negotiator, prompts, queues, CallEventListener.NONE, clock, Duration.ZERO,
                tuning, calls, mediaEngine, registrar, timers, bridges);
    }
}
