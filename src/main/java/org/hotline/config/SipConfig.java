package org.hotline.config;

import java.time.Duration;
import java.util.List;

/**
 * The standalone SIP front: the {@code sip:} section. Defaults are in {@link ConfigDefaults}.
 *
 * @param bindAddress  address the UDP and TCP listening points bind to; default {@code 0.0.0.0}
 * @param port         SIP port for every transport, 1-65535; default 5060
 * @param transports   one or both of {@code udp}, {@code tcp}; default both
 * @param advertisedAddress address written into Contact and SDP (defaults to bindAddress; needed when binding 0.0.0.0)
 * @param ringDelay    time between 180 Ringing and 200 OK, in (0, 10s]: rule R1 caps it at three rings; default 2s
 * @param stackThreads JAIN-SIP thread pool size (gov.nist.javax.sip.THREAD_POOL_SIZE), at least 1; default 8
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
