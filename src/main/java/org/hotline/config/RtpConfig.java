package org.hotline.config;

/**
 * The RTP media ports ({@code rtp:}): each call takes an even RTP port and the odd RTCP port above
 * it from [{@code portMin}, {@code portMax}], and returns them on hang-up.
 *
 * @param bindAddress      address the RTP sockets bind to; default {@code 0.0.0.0}
 * @param portMin          lowest port, even, 1024-65535; default 20000
 * @param portMax          highest port, above portMin, at most 65535; default 20999
 * @param eventLoopThreads Netty event loop threads for all RTP channels (0 = one per core); default 0
 */
public record RtpConfig(String bindAddress, int portMin, int portMax, int eventLoopThreads) {
}
