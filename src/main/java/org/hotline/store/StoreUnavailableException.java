package org.hotline.store;

/** The database cannot be reached now (rule R20: writes are spooled; reads fail with this). */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
