package org.hotline.config;

/**
 * The RTP media ports: each call takes an even RTP port and the odd RTCP port above it from
 * [{@code portMin}, {@code portMax}], and returns them on hang-up.
 *
 * @param eventLoopThreads Netty event loop threads for all RTP channels (0 = one per core)
 */
public record RtpConfig(String bindAddress, int portMin, int portMax, int eventLoopThreads) {
}
