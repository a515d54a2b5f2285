package org.hotline.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A caller in the ACD, from joining a queue until connected, abandoned or not served: its place
 * (priority, then first entry time, then arrival order), the offer ringing for it, the agents to
 * skip for it, and its announcement timer (rule R7, counted from the first entry). A callback
 * (rule R12) is a caller too, holding the place of the caller who asked for it: it hears no
 * announcement, has no maximum wait, and is not offered to agents before {@code notBefore}.
 *
 * <p>Threading: the {@link AcdEngine}'s serial executor only.
 */
final class WaitingCaller {

    /** Higher priority first, then first come first served; an overflow keeps both. */
    static final Comparator<WaitingCaller> IN_TURN = Comparator.comparingInt((WaitingCaller c) -> -c.priority)
            .thenComparing(c -> c.enteredAt)
            .thenComparingLong(c -> c.arrival);

    private final String callId;
    private final int priority;
    private final Instant enteredAt;
    private final long arrival;
    private String queue;
    private Instant queueEnteredAt;
    private CallerState state = CallerState.WAITING;
    private final Set<String> skipped = new LinkedHashSet<>();
    private final Set<String> ringing = new LinkedHashSet<>();
    private Instant offeredAt;
    private Instant nextAnnouncement;
    private String preferredAgent;
    private final boolean callback;
    private final Instant notBefore;
    private boolean callbackOffered;

    WaitingCaller(String callId, String queue, int priority, Instant now, long arrival) {
        this(callId, queue, priority, now, arrival, false, now);
    }

    private WaitingCaller(String callId, String queue, int priority, Instant enteredAt, long arrival, boolean callback,
            Instant notBefore) {
        this.callId = callId;
        this.queue = queue;
        this.priority = priority;
        this.enteredAt = enteredAt;
        this.queueEnteredAt = enteredAt;
        this.arrival = arrival;
        this.callback = callback;
        this.notBefore = notBefore;
        this.nextAnnouncement = Instant.MAX;
    }

    /** Rule R12: a callback in {@code place}'s place in line, offered to agents from {@code notBefore}. */
    static WaitingCaller callback(String callbackId, WaitingCaller place, Instant notBefore) {
        return new WaitingCaller(callbackId, place.queue, place.priority, place.enteredAt, place.arrival, true,
                notBefore);
    }

    /**
     * Rule R12 after a restart: a callback back in the place it held (priority, first entry time),
     * {@code arrival} ordering it among callers who entered at the same instant.
     */
    static WaitingCaller restoredCallback(String callbackId, String queue, int priority, Instant enteredAt, long arrival,
            Instant notBefore) {
        return new WaitingCaller(callbackId, queue, priority, enteredAt, arrival, true, notBefore);
    }

    boolean isCallback() {
        return callback;
    }

    /** Whether it may be offered to an agent at {@code now} (a callback waits for its delay). */
    boolean due(Instant now) {
        return !now.isBefore(notBefore);
    }

    Instant notBefore() {
        return notBefore;
    }

    /** Rule R12: whether this caller was already offered a callback (once per stay). */
    boolean callbackOffered() {
        return callbackOffered;
    }

    void markCallbackOffered() {
        callbackOffered = true;
    }

    /** Whether this caller is served before {@code other} (priority, first entry, arrival). */
    boolean ahead(WaitingCaller other) {
        return IN_TURN.compare(this, other) < 0;
    }

    String callId() {
        return callId;
    }

    String queue() {
        return queue;
    }

    int priority() {
        return priority;
    }

    CallerState state() {
        return state;
    }

    Instant enteredAt() {
        return enteredAt;
    }

    Duration waited(Instant now) {
        return Duration.between(enteredAt, now);
    }

    Instant queueEnteredAt() {
        return queueEnteredAt;
    }

    void moveTo(CallerState next) {
        state = state.moveTo(next);
        if (next != CallerState.OFFERED) {
            ringing.clear();
            offeredAt = null;
        }
    }

    /** Overflow: the caller now waits in {@code target}; place in time and skipped agents are kept. */
    void overflowTo(String target, Instant now) {
        queue = target;
        queueEnteredAt = now;
    }

    void offered(List<String> agents, Instant now) {
        moveTo(CallerState.OFFERED);
        ringing.addAll(agents);
        offeredAt = now;
    }

    /** Stops ringing one agent, who is skipped for this caller from now on. */
    void offerFailed(String agent) {
        ringing.remove(agent);
        skipped.add(agent);
    }

    void unskip(String agent) {
        skipped.remove(agent);
    }

    Set<String> skipped() {
        return Set.copyOf(skipped);
    }

    /** The agents still ringing for this caller, in offer order. */
    List<String> ringing() {
        return List.copyOf(ringing);
    }

    boolean isRinging(String agent) {
        return state == CallerState.OFFERED && ringing.contains(agent);
    }

    /** A blind transfer to one agent: offer this caller to that agent first (see {@link Dispatcher#dispatch}). */
    void prefer(String agent) {
        preferredAgent = agent;
    }

    /** The agent to try first, until {@link #clearPreference()}. */
    Optional<String> preferredAgent() {
        return Optional.ofNullable(preferredAgent);
    }

    void clearPreference() {
        preferredAgent = null;
    }

    Instant offeredAt() {
        return offeredAt;
    }

    /**
     * Rule R7: the first announcement at {@code firstAt} after the first entry, then every
     * {@code every}; the next one strictly after {@code now}, so timers never drift with late ticks.
     */
    void scheduleAnnouncement(Duration firstAt, Duration every, Instant now) {
        Instant next = enteredAt.plus(firstAt);
        if (!next.isAfter(now)) {
            long elapsed = Duration.between(next, now).toNanos() / every.toNanos() + 1;
            next = next.plus(every.multipliedBy(elapsed));
        }
        nextAnnouncement = next;
    }

    Instant nextAnnouncement() {
        return nextAnnouncement;
    }
}
