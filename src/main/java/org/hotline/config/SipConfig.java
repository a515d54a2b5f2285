package org.hotline.config;

import java.time.Duration;
import java.util.List;

/**
 * The standalone SIP front.
 *
 * @param bindAddress  address the UDP and TCP listening points bind to
 * @param port         SIP port for every transport
 * @param transports   {@code udp}, {@code tcp}
 * @param advertisedAddress address written into Contact and SDP (defaults to bindAddress; needed when binding 0.0.0.0)
 * @param ringDelay    time between 180 Ringing and 200 OK; rule R1 caps it at 10 s (three rings)
 * @param stackThreads JAIN-SIP thread pool size (gov.nist.javax.sip.THREAD_POOL_SIZE)
 */
public record SipConfig(
        String bindAddress,
        int port,
        List<String> transports,
        String advertisedAddress,
        Duration ringDelay,
        int stackThreads) {

    /** Rule R1: three rings, at most 10 s after ringing starts. */
    public static final Duration THREE_RING_LIMIT = Duration.ofSeconds(10);
}
