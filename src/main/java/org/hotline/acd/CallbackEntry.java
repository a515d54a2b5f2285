package org.hotline.acd;

import java.time.Instant;
import java.util.Objects;

/**
 * One queued callback (rule R12) as it is kept across restarts ({@link CallbackLedger}): enough to
 * put it back in its place in line and to place it. Immutable; every change is a new entry.
 *
 * @param callbackId    the callback's id ({@link CallbackTicket#idFor}), also its call record's id
 * @param requestedBy   the call that asked for it
 * @param queue         the queue whose line it waits in
 * @param number        the number to call
 * @param language      the language the customer hears
 * @param priority      its place: the priority of the caller whose place it holds
 * @param placeAt       its place: that caller's first entry into the ACD (kept over a restart, rule R12)
 * @param requestedAt   when it was asked for
 * @param attempts      attempts made so far
 * @param nextAttemptAt not offered to an agent before this instant (initial delay, minimum interval)
 * @param status        PENDING while waiting; the end otherwise
 * @param mergedInto    for MERGED: the callback it joined; null otherwise
 * @param updatedAt     when this entry was written
 */
public record CallbackEntry(String callbackId, String requestedBy, String queue, String number, String language,
        int priority, Instant placeAt, Instant requestedAt, int attempts, Instant nextAttemptAt, CallbackStatus status,
        String mergedInto, Instant updatedAt) {

    public CallbackEntry {
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(placeAt, "placeAt");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(status, "status");
    }
}
