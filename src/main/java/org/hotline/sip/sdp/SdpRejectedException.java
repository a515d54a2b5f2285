package org.hotline.sip.sdp;

/**
 * An offer we cannot answer; the front replies 488 Not Acceptable Here with a Warning header
 * carrying {@link #warningCode()} (RFC 3261 §20.43: 304 media type, 305 media format, 399 misc).
 */
public final class SdpRejectedException extends Exception {

    public static final int MEDIA_TYPE_NOT_AVAILABLE = 304;
    public static final int INCOMPATIBLE_MEDIA_FORMAT = 305;
    public static final int MISCELLANEOUS_WARNING = 399;

    private final int warningCode;

    public SdpRejectedException(int warningCode, String reason) {
        super(reason);
        this.warningCode = warningCode;
    }

    public SdpRejectedException(int warningCode, String reason, Throwable cause) {
        super(reason, cause);
        this.warningCode = warningCode;
    }

    public int warningCode() {
        return warningCode;
    }
}
