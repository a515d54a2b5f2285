package org.hotline.media;

/** The audio codecs Hotline speaks, with their static RTP payload types (RFC 3551 §6). */
public enum Codec {
    PCMU(0),
    PCMA(8);

    private final int payloadType;

    Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    public int payloadType() {
        return payloadType;
    }
}
