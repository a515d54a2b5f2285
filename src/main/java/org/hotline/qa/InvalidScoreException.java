package org.hotline.qa;

/** A score that does not fit the scoring sheet; {@code field} names the request field at fault. */
public final class InvalidScoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidScoreException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
