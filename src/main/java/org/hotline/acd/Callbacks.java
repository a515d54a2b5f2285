package org.hotline.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule R12's queued callbacks, beside the {@link Dispatcher}: when to offer a waiting caller a
 * callback (their wait so far plus the expected wait reaches the queue's {@code callbackAfter}),
 * and the callbacks themselves, each a {@link WaitingCaller} in the place of the caller who asked
 * for it, found by id and by number so a second request for the same number is merged into the
 * first (which then keeps the better of the two places). After a failed attempt a callback goes
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
        WaitingCaller place;
        int attempts;

        Callback(String id, String number, WaitingCaller place) {
            this.id = id;
            this.number = number;
            this.place = place;
        }
    }

    private final Map<String, QueuePolicy> policies;
    private final CallbackPolicy policy;
    private final WaitingRoom room;
    private final AcdActions actions;
    private final Function<WaitingCaller, Optional<Duration>> expectedWait;
    private final Map<String, Callback> byId = new HashMap<>();
    private final Map<String, Callback> byNumber = new HashMap<>();

    Callbacks(Map<String, QueuePolicy> policies, CallbackPolicy policy, WaitingRoom room, AcdActions actions,
            Function<WaitingCaller, Optional<Duration>> expectedWait) {
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
     */
    CallbackTicket request(WaitingCaller caller, String number, Instant now) {
        Callback existing = byNumber.get(number);
        if (existing != null) {
            if (room.contains(existing.id) && caller.ahead(existing.place)) {
                room.remove(existing.place);
                existing.place = WaitingCaller.callback(existing.id, caller, existing.place.notBefore());
                room.add(existing.place);
            }
            log.atInfo().addKeyValue("callId", caller.callId()).addKeyValue("callbackId", existing.id)
                    .log("callback request merged into the one already waiting for that number");
            return new CallbackTicket(existing.id, true, caller.waited(now));
        }
        String id = CallbackTicket.idFor(caller.callId());
        Callback callback = new Callback(id, number, WaitingCaller.callback(id, caller, now.plus(policy.initialDelay())));
        byId.put(id, callback);
        byNumber.put(number, callback);
        room.add(callback.place);
        return new CallbackTicket(id, false, caller.waited(now));
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
            return CallbackVerdict.GAVE_UP;
        }
        callback.place = WaitingCaller.callback(callbackId, callback.place, now.plus(policy.minInterval()));
        room.add(callback.place);
        return CallbackVerdict.RETRY;
    }

    /** The callback reached its customer, or was given up by its front: forgotten. */
    void finished(String callbackId) {
        Callback callback = byId.get(callbackId);
        if (callback != null) {
            forget(callback);
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
