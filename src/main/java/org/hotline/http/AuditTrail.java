package org.hotline.http;

/**
 * Where the API writes its audit lines (rule R15: recordings are confidential, so every access
 * and every refused request is written down). Must not block; any thread.
 */
@FunctionalInterface
public interface AuditTrail {

    /**
     * @param user   the user the credential names (verified when {@code status} is not 401), or null
     * @param action what was attempted, e.g. {@code listen}, {@code score}
     * @param target what it was attempted on, e.g. {@code GET /api/recordings/r1/audio}
     */
    void audit(String user, String action, String target, int status, String remote);
}
