package org.hotline.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule R12's queued callbacks, beside the {@link Dispatcher}: when to offer a waiting caller a
 * callback (their wait so far plus the expected wait reaches the queue's {@code callbackAfter}),
 * and the callbacks themselves, each a {@link WaitingCaller} in the place of the caller who asked
 * for it, found by id and by number so a second request for the same number is merged into the
 * first (which then keeps the better of the two places). Every change is told to the
 * {@link CallbackLedger}, from which {@link #restore} puts them back after a restart. After a failed attempt a callback goes
 * back to its place, to be offered again no sooner than the policy's minimum interval, until its
 * attempts are used up. Deterministic: every decision is a function of the room and {@code now}.
 *
 * <p>Threading: the {@link AcdEngine}'s serial executor only.
 */
final class Callbacks {

    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);

    /** A callback from request to its end: its number and its attempts so far. */
    private static final class Callback {
        final String id;
        final String number;
        final String requestedBy;
        final String language;
        final Instant requestedAt;
        WaitingCaller place;
        int attempts;

        Callback(String id, String number, Request request, WaitingCaller place) {
            this.id = id;
            this.number = number;
            this.requestedBy = request.requestedBy();
            this.language = request.language();
            this.requestedAt = request.at();
            this.place = place;
        }

        /** As the ledger keeps it. */
        CallbackEntry entry(CallbackStatus status, Instant now) {
            return new CallbackEntry(id, requestedBy, place.queue(), number, language, place.priority(),
                    place.enteredAt(), requestedAt, attempts, place.notBefore(), status, null, now);
        }
    }

    /** Who asked for a callback, in which language, when. */
    private record Request(String requestedBy, String language, Instant at) {}

    private final Map<String, QueuePolicy> policies;
    private final CallbackPolicy policy;
    private final WaitingRoom room;
    private final AcdActions actions;
    private final Function<WaitingCaller, Optional<Duration>> expectedWait;
    private final CallbackLedger ledger;
    private final Map<String, Callback> byId = new HashMap<>();
    private final Map<String, Callback> byNumber = new HashMap<>();

    Callbacks(Map<String, QueuePolicy> policies, CallbackPolicy policy, WaitingRoom room, AcdActions actions,
            Function<WaitingCaller, Optional<Duration>> expectedWait, CallbackLedger ledger) {
        this.ledger = ledger;
        this.policies = policies;
        this.policy = policy;
        this.room = room;
        this.actions = actions;
        this.expectedWait = expectedWait;
    }

    /** Rule R12: offers a callback to each caller whose wait so far plus the expected wait reaches the threshold. */
    void offer(Instant now) {
        for (WaitingCaller caller : room.inTurn()) {
            if (caller.isCallback() || caller.callbackOffered()) {
                continue;
            }
            QueuePolicy queue = policies.get(caller.queue());
            if (!queue.offersCallback()) {
                continue;
            }
            Optional<Duration> expected = expectedWait.apply(caller);
            if (caller.waited(now).plus(expected.orElse(Duration.ZERO)).compareTo(queue.callbackAfter()) >= 0) {
                caller.markCallbackOffered();
                actions.offerCallback(caller.callId(), expected);
            }
        }
    }

    /**
     * Rule R12: {@code caller} (already out of the room) asked to be called back at {@code number}:
     * a new callback in its place, or the request merged into the waiting one for that number.
     * {@code language} is what the customer will hear. Every change goes to the ledger.
     */
    CallbackTicket request(WaitingCaller caller, String number, String language, Instant now) {
        Callback existing = byNumber.get(number);
        if (existing != null) {
            if (room.contains(existing.id) && caller.ahead(existing.place)) {
                room.remove(existing.place);
                existing.place = WaitingCaller.callback(existing.id, caller, existing.place.notBefore());
                room.add(existing.place);
                ledger.save(existing.entry(CallbackStatus.PENDING, now));
            }
            ledger.save(new CallbackEntry(CallbackTicket.idFor(caller.callId()), caller.callId(), caller.queue(), number,
                    language, caller.priority(), caller.enteredAt(), now, 0, now, CallbackStatus.MERGED, existing.id, now));
            log.atInfo().addKeyValue("callId", caller.callId()).addKeyValue("callbackId", existing.id)
                    .log("callback request merged into the one already waiting for that number");
            return new CallbackTicket(existing.id, true, caller.waited(now));
        }
        String id = CallbackTicket.idFor(caller.callId());
        Callback callback = new Callback(id, number, new Request(caller.callId(), language, now),
                WaitingCaller.callback(id, caller, now.plus(policy.initialDelay())));
        add(callback);
        ledger.save(callback.entry(CallbackStatus.PENDING, now));
        return new CallbackTicket(id, false, caller.waited(now));
    }

    /**
     * Rule R12 after a restart: puts the callbacks an earlier run left pending back in their places
     * (their priority and first entry time, so callers who came later stay behind them), with their
     * attempts and next-attempt time, and returns those now waiting, for the front to place. One
     * whose queue is no longer configured is logged and left pending in the ledger (an operator may
     * add the queue back); one already here (or listed twice) is skipped; one for a number already waiting is merged
     * into that callback, which keeps the better place (the ledger marks it MERGED).
     */
    List<CallbackEntry> restore(List<CallbackEntry> entries, Instant now) {
        List<CallbackEntry> inTurn = entries.stream().filter(entry -> entry.status() == CallbackStatus.PENDING)
                .sorted(Comparator.comparingInt((CallbackEntry e) -> -e.priority()).thenComparing(CallbackEntry::placeAt)
                        .thenComparing(CallbackEntry::requestedAt))
                .toList();
        List<CallbackEntry> restored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CallbackEntry entry : inTurn) {
            if (byId.containsKey(entry.callbackId()) || !seen.add(entry.callbackId())) {
                continue;
            }
            if (!policies.containsKey(entry.queue())) {
                log.atWarn().addKeyValue("callId", entry.callbackId()).addKeyValue("queue", entry.queue())
                        .log("pending callback not restored: its queue is no longer configured; it stays listed as pending");
                continue;
            }
            WaitingCaller place = WaitingCaller.restoredCallback(entry.callbackId(), entry.queue(), entry.priority(),
                    entry.placeAt(), room.nextArrival(), entry.nextAttemptAt());
            Callback existing = byNumber.get(entry.number());
            if (existing != null) {
                mergeRestored(entry, place, existing, now);
                continue;
            }
            Callback callback = new Callback(entry.callbackId(), entry.number(),
                    new Request(entry.requestedBy(), entry.language(), entry.requestedAt()), place);
            callback.attempts = entry.attempts();
            add(callback);
            restored.add(callback.entry(CallbackStatus.PENDING, now));
        }
        return restored;
    }

    private void mergeRestored(CallbackEntry entry, WaitingCaller place, Callback existing, Instant now) {
        if (room.contains(existing.id) && place.ahead(existing.place)) {
            room.remove(existing.place);
            existing.place = WaitingCaller.callback(existing.id, place, existing.place.notBefore());
            room.add(existing.place);
            ledger.save(existing.entry(CallbackStatus.PENDING, now));
        }
        ledger.save(new CallbackEntry(entry.callbackId(), entry.requestedBy(), entry.queue(), entry.number(),
                entry.language(), entry.priority(), entry.placeAt(), entry.requestedAt(), entry.attempts(),
                entry.nextAttemptAt(), CallbackStatus.MERGED, existing.id, now));
        log.atInfo().addKeyValue("callId", entry.callbackId()).addKeyValue("callbackId", existing.id)
                .log("restored callback merged into the one already waiting for that number");
    }

    private void add(Callback callback) {
        byId.put(callback.id, callback);
        byNumber.put(callback.number, callback);
        room.add(callback.place);
    }

    /** An attempt failed (its agent's call is over): back in its place for a later try, or given up. */
    CallbackVerdict attemptFailed(String callbackId, Instant now) {
        Callback callback = byId.get(callbackId);
        if (callback == null) {
            return CallbackVerdict.GAVE_UP;
        }
        callback.attempts++;
        if (callback.attempts >= policy.maxAttempts()) {
            forget(callback);
            ledger.save(callback.entry(CallbackStatus.GAVE_UP, now));
            return CallbackVerdict.GAVE_UP;
        }
        callback.place = WaitingCaller.callback(callbackId, callback.place, now.plus(policy.minInterval()));
        room.add(callback.place);
        ledger.save(callback.entry(CallbackStatus.PENDING, now));
        return CallbackVerdict.RETRY;
    }

    /** The callback reached its customer ({@code COMPLETED}), or was given up by its front ({@code GAVE_UP}): forgotten. */
    void finished(String callbackId, CallbackStatus end, Instant now) {
        if (end == CallbackStatus.PENDING) {
            throw new IllegalArgumentException("a callback cannot finish PENDING: " + callbackId);
        }
        Callback callback = byId.get(callbackId);
        if (callback != null) {
            forget(callback);
            ledger.save(callback.entry(end, now));
        }
    }

    /** Attempts made so far (0 for an unknown callback). */
    int attempts(String callbackId) {
        Callback callback = byId.get(callbackId);
        return callback == null ? 0 : callback.attempts;
    }

    /** The next instant a waiting callback becomes due, or a caller's callback offer falls due. */
    Optional<Instant> nextDeadline(Instant now) {
        return room.all().stream().flatMap(caller -> {
            if (caller.isCallback()) {
                return caller.due(now) ? Stream.empty() : Stream.of(caller.notBefore());
            }
            QueuePolicy queue = policies.get(caller.queue());
            return caller.callbackOffered() || !queue.offersCallback() ? Stream.empty()
                    : Stream.of(caller.enteredAt().plus(queue.callbackAfter()));
        }).min(Instant::compareTo);
    }

    private void forget(Callback callback) {
        byId.remove(callback.id);
        byNumber.remove(callback.number, callback);
        if (room.contains(callback.id)) {
            room.remove(callback.place);
        }
    }
}
