package org.hotline.sip;

import java.time.Clock;
import java.time.Duration;
import org.hotline.call.QueueGateway;
import org.hotline.event.CallEventListener;
import org.hotline.prompt.Prompts;
import org.hotline.sip.sdp.SdpNegotiator;

/** What every {@link SipCall} of a front shares. Immutable; the parts are thread-safe. */
record SipCallContext(
        SipMessaging messaging,
        SdpNegotiator negotiator,
        Prompts prompts,
        QueueGateway queues,
        CallEventListener events,
        Clock clock,
        Duration ringDelay,
        SipTuning tuning,
        ActiveCalls calls) {
}
