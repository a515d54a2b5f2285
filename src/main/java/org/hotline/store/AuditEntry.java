package org.hotline.store;

import java.time.Instant;

/**
 * One line of the audit log (rule R15: recordings are confidential): who did what to which
 * target, and the HTTP status it got. {@code user} is null when no valid credential was given.
 */
public record AuditEntry(String eventId, Instant at, String user, String action, String target, int status,
        String remote) {
}
