package org.hotline.media;

/** No free RTP port pair is left in the configured range; the SIP front answers 503. */
public final class PortsExhaustedException extends RuntimeException {

    public PortsExhaustedException(int portMin, int portMax) {
        super("no free RTP port pair in " + portMin + "-" + portMax);
    }
}
