package org.hotline.sip.registrar;

/**
 * The SIP stack refused a header or response the registrar built from values it had already
 * validated: a bug, not a client error. The dispatcher should answer 500 and log it.
 */
public final class ResponseBuildException extends RuntimeException {

    public ResponseBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
