package org.hotline.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotline.acd.AcdEvent.CallerAbandoned;
import org.hotline.acd.AcdEvent.CallerConnected;
import org.hotline.acd.AcdEvent.CallerNotServed;
import org.hotline.acd.AcdEvent.CallerOffered;
import org.hotline.acd.AcdEvent.CallerOverflowed;
import org.hotline.acd.AcdEvent.CallerQueued;
import org.hotline.acd.AcdEvent.CancelCause;
import org.hotline.acd.AcdEvent.LateAnswerRejected;
import org.hotline.acd.AcdEvent.OfferCancelled;
import org.hotline.acd.AcdEvent.OfferNoAnswer;
import org.hotline.acd.AcdEvent.OfferRejected;
import org.hotline.acd.AcdEvent.PositionAnnounced;
import org.hotline.acd.routing.RoutingSnapshot;
import org.hotline.acd.routing.RoutingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callers' side of the ACD: places callers, offers them to agents chosen by each queue's
 * routing strategy, settles every offer exactly once (answered, no answer, rejected, cancelled),
 * and runs the callers' timers: ring timeout (rule R1), maximum wait, announcements (rule R7).
 *
 * <p>An offer belongs to one caller and the agents it rings. The first valid answer connects and
 * CANCELs the other legs; any answer for a leg that is no longer ringing is rejected, so a caller
 * is never connected twice. A failed leg skips that agent for this caller, who keeps their place.
 *
 * <p>Threading: the {@link AcdEngine}'s serial executor only.
 */
final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<String, QueuePolicy> policies;
    private final Map<String, RoutingStrategy> strategies = new HashMap<>();
    private final Map<String, String> lastOffered = new HashMap<>();
    private final WaitingRoom room = new WaitingRoom();
    private final AgentBoard board;
    private final AgentDesk desk;
    private final HandleTimes handleTimes;
    private final AcdActions actions;
    private final AcdEventListener events;
    private final Callbacks callbacks;

    Dispatcher(Map<String, QueuePolicy> policies, AgentBoard board, AgentDesk desk, HandleTimes handleTimes,
            AcdActions actions, AcdEventListener events, CallbackPolicy callbackPolicy, CallbackLedger ledger) {
        this.policies = Map.copyOf(policies);
        this.board = board;
        this.desk = desk;
        this.handleTimes = handleTimes;
        this.actions = actions;
        this.events = events;
        this.callbacks = new Callbacks(this.policies, callbackPolicy, room, actions, this::expectedWait, ledger);
        policies.forEach((name, policy) -> strategies.put(name, policy.strategy().routing()));
    }

    Callbacks callbacks() {
        return callbacks;
    }

    /**
     * Rule R12: the waiting caller {@code callId} becomes a callback to {@code number} in their
     * place (offers ringing for them are withdrawn); empty if the caller is no longer waiting (an
     * agent answered meanwhile), so the caller stays where they are.
     */
    Optional<CallbackTicket> requestCallback(String callId, String number, String language, Instant now) {
        Optional<WaitingCaller> found = room.find(callId).filter(caller -> !caller.isCallback());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WaitingCaller caller = found.get();
        List<String> legs = caller.ringing();
        if (caller.state() == CallerState.OFFERED) {
            caller.moveTo(CallerState.WAITING);
        }
        room.remove(caller);
        cancel(callId, legs, CancelCause.CALLER_LEFT, now);
        return Optional.of(callbacks.request(caller, number, language, now));
    }

    void join(String callId, String queue, int priority, Optional<String> preferredAgent, Instant now) {
        QueuePolicy policy = policy(queue);
        if (room.contains(callId) || board.inCall(callId).isPresent()) {
            throw new DuplicateCallException(callId);
        }
        WaitingCaller caller = new WaitingCaller(callId, queue, priority, now, room.nextArrival());
        caller.scheduleAnnouncement(policy.announceFirstAt(), policy.announceEvery(), now);
        preferredAgent.ifPresent(caller::prefer);
        room.add(caller);
        events.onEvent(new CallerQueued(now, callId, queue, priority, room.position(caller)));
    }

    /**
     * Offers every waiting caller, in turn, to the agents their queue's strategy chooses. Callers
     * transferred to one agent go first: at the first dispatch after they were placed, such a caller
     * is offered to that agent alone if the agent is eligible (available, idle, reachable, not
     * skipped for this caller; serving the queue is not required); either way the preference is then
     * spent, so if the agent was not eligible, or misses or declines the offer (rule R1's ring
     * timeout), the caller falls back to the queue's normal routing without losing their place.
     */
    void dispatch(Instant now) {
        for (WaitingCaller caller : room.inTurn()) {
            if (caller.state() == CallerState.WAITING && caller.preferredAgent().isPresent()) {
                String preferred = caller.preferredAgent().get();
                caller.clearPreference();
                if (board.find(preferred).filter(Agent::isReady).isPresent() && !caller.skipped().contains(preferred)) {
                    offer(caller, List.of(preferred), now);
                } else {
                    log.atInfo().addKeyValue("callId", caller.callId()).addKeyValue("agent", preferred)
                            .log("transfer target agent not eligible: normal routing");
                }
            }
        }
        for (WaitingCaller caller : room.inTurn()) {
            if (caller.state() == CallerState.WAITING && caller.due(now)) {
                RoutingSnapshot snapshot = new RoutingSnapshot(caller.queue(), board.views(caller.queue()),
                        caller.skipped(), Optional.ofNullable(lastOffered.get(caller.queue())));
                List<String> chosen = strategies.get(caller.queue()).choose(snapshot, now);
                if (!chosen.isEmpty()) {
                    offer(caller, chosen, now);
                }
            }
        }
    }

    void answered(String callId, String agentNumber, Instant now) {
        Optional<WaitingCaller> ringing = room.find(callId).filter(caller -> caller.isRinging(agentNumber));
        if (ringing.isEmpty()) {
            log.atInfo().addKeyValue("callId", callId).addKeyValue("agent", agentNumber)
                    .log("answer for an offer that is no longer ringing: leg rejected");
            events.onEvent(new LateAnswerRejected(now, callId, agentNumber));
            actions.rejectAnswer(callId, agentNumber);
            return;
        }
        WaitingCaller caller = ringing.get();
        List<String> others = caller.ringing().stream().filter(other -> !other.equals(agentNumber)).toList();
        caller.moveTo(CallerState.CONNECTED);
        room.remove(caller);
        Agent agent = board.get(agentNumber);
        agent.markConnected(now);
        board.setState(agent, AgentState.ON_CALL, now);
        Duration waited = caller.waited(now);
        events.onEvent(new CallerConnected(now, callId, caller.queue(), agentNumber, waited));
        actions.connect(callId, agentNumber, waited);
        cancel(callId, others, CancelCause.ANSWERED_ELSEWHERE, now);
    }

    /** Rule R1: the leg rang out or could not ring; the agent is set not ready. */
    void noAnswer(String callId, String agentNumber, Instant now) {
        room.find(callId).filter(caller -> caller.isRinging(agentNumber)).ifPresentOrElse(
                caller -> legFailed(caller, agentNumber, true, now),
                () -> logStale(callId, agentNumber, "no-answer"));
    }

    void rejected(String callId, String agentNumber, Instant now) {
        room.find(callId).filter(caller -> caller.isRinging(agentNumber)).ifPresentOrElse(
                caller -> legFailed(caller, agentNumber, false, now),
                () -> logStale(callId, agentNumber, "rejection"));
    }

    /** The caller hung up while in the ACD: an abandon. Returns false if the caller was not waiting. */
    boolean left(String callId, Instant now) {
        Optional<WaitingCaller> found = room.find(callId);
        found.ifPresent(caller -> {
            boolean whileOffered = caller.state() == CallerState.OFFERED;
            List<String> legs = caller.ringing();
            caller.moveTo(CallerState.ABANDONED);
            room.remove(caller);
            cancel(callId, legs, CancelCause.CALLER_LEFT, now);
            events.onEvent(new CallerAbandoned(now, callId, caller.queue(), caller.waited(now), whileOffered));
        });
        return found.isPresent();
    }

    /** Rule R1: offers ringing for the queue's ring timeout are CANCELled and count as missed. */
    void ringTimeouts(Instant now) {
        for (WaitingCaller caller : room.inTurn()) {
            if (caller.state() == CallerState.OFFERED && !now.isBefore(ringDeadline(caller))) {
                List<String> legs = caller.ringing();
                actions.cancelOffers(caller.callId(), legs);
                legs.forEach(agentNumber -> legFailed(caller, agentNumber, true, now));
            }
        }
    }

    /** Waiting callers past their queue's maximum wait overflow or are not served (rule R9). */
    void maxWaits(Instant now) {
        for (WaitingCaller caller : room.inTurn()) {
            QueuePolicy policy = policy(caller.queue());
            if (caller.state() == CallerState.WAITING && !caller.isCallback() && !now.isBefore(maxWaitDeadline(caller))) {
                switch (policy.onMaxWait()) {
                    case MaxWaitAction.Overflow(String target) -> overflow(caller, target, now);
                    case MaxWaitAction.Fail() -> notServed(caller, NotServedReason.MAX_WAIT_REACHED, now);
                }
            }
        }
    }

    /** Waiting callers of queues that fail when nobody serving them is logged in. */
    void failUnstaffed(Instant now) {
        for (WaitingCaller caller : room.inTurn()) {
            if (caller.state() == CallerState.WAITING && !caller.isCallback()
                    && policy(caller.queue()).whenNoAgents() == NoAgentsBehaviour.FAIL
                    && !board.anyLoggedIn(caller.queue())) {
                notServed(caller, NotServedReason.NO_AGENT_LOGGED_IN, now);
            }
        }
    }

    /** Rule R7: callers whose announcement is due hear their position (ringing callers too). */
    void announce(Instant now) {
        for (WaitingCaller caller : room.inTurn()) {
            if (!caller.isCallback() && !now.isBefore(caller.nextAnnouncement())) {
                QueuePolicy policy = policy(caller.queue());
                int position = room.position(caller);
                Optional<Duration> expected = expectedWait(caller);
                events.onEvent(new PositionAnnounced(now, caller.callId(), caller.queue(), position, expected));
                actions.announce(caller.callId(), position, expected);
                caller.scheduleAnnouncement(policy.announceFirstAt(), policy.announceEvery(), now);
            }
        }
    }

    /** The agent declared themself available again: callers who skipped them may be offered to them. */
    void unskip(String agentNumber) {
        room.all().forEach(caller -> caller.unskip(agentNumber));
    }

    /** Rule R1, R7 and maximum-wait timers, and rule R12's callback timers (see {@link Callbacks}). */
    Optional<Instant> nextDeadline(Instant now) {
        Stream<Optional<Instant>> timers = room.all().stream().flatMap(caller -> Stream.of(
                        caller.isCallback() ? Optional.<Instant>empty() : Optional.of(caller.nextAnnouncement()),
                        caller.state() == CallerState.OFFERED ? Optional.of(ringDeadline(caller)) : Optional.<Instant>empty(),
                        caller.state() == CallerState.WAITING && !caller.isCallback()
                                ? Optional.of(maxWaitDeadline(caller)) : Optional.<Instant>empty()));
        return Stream.concat(timers, Stream.of(callbacks.nextDeadline(now)))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    Optional<Integer> position(String callId) {
        return room.find(callId).map(room::position);
    }

    Optional<Duration> expectedWait(String callId) {
        return room.find(callId).flatMap(this::expectedWait);
    }

    /** The callers of {@code queue} in turn, as immutable records. */
    List<QueueInfo.Waiting> waiting(String queue) {
        return room.inTurn().stream()
                .filter(caller -> caller.queue().equals(queue))
                .map(caller -> new QueueInfo.Waiting(caller.callId(), room.position(caller), caller.priority(),
                        caller.state(), caller.enteredAt(), caller.ringing(), caller.queueEnteredAt()))
                .toList();
    }

    boolean isWaiting(String callId) {
        return room.contains(callId);
    }

    private Optional<Duration> expectedWait(WaitingCaller caller) {
        return handleTimes.expectedWait(caller.queue(), room.position(caller), board.serving(caller.queue()));
    }

    private void offer(WaitingCaller caller, List<String> chosen, Instant now) {
        caller.offered(chosen, now);
        lastOffered.put(caller.queue(), chosen.getFirst());
        for (String agentNumber : chosen) {
            Agent agent = board.get(agentNumber);
            agent.assignCall(caller.callId(), caller.queue());
            board.setState(agent, AgentState.OFFERED, now);
        }
        events.onEvent(new CallerOffered(now, caller.callId(), caller.queue(), chosen));
        actions.offer(caller.callId(), caller.queue(), chosen);
    }

    private void legFailed(WaitingCaller caller, String agentNumber, boolean noAnswer, Instant now) {
        caller.offerFailed(agentNumber);
        Agent agent = board.get(agentNumber);
        events.onEvent(noAnswer
                ? new OfferNoAnswer(now, caller.callId(), caller.queue(), agentNumber)
                : new OfferRejected(now, caller.callId(), caller.queue(), agentNumber));
        board.setState(agent, AgentState.IDLE, now);
        if (noAnswer) {
            desk.missedOffer(agent, now);
        }
        if (caller.ringing().isEmpty()) {
            caller.moveTo(CallerState.WAITING);
        }
    }

    private void cancel(String callId, List<String> legs, CancelCause cause, Instant now) {
        if (legs.isEmpty()) {
            return;
        }
        actions.cancelOffers(callId, legs);
        for (String agentNumber : legs) {
            events.onEvent(new OfferCancelled(now, callId, agentNumber, cause));
            board.setState(board.get(agentNumber), AgentState.IDLE, now);
        }
    }

    private void overflow(WaitingCaller caller, String target, Instant now) {
        String from = caller.queue();
        QueuePolicy targetPolicy = policy(target);
        caller.overflowTo(target, now);
        caller.scheduleAnnouncement(targetPolicy.announceFirstAt(), targetPolicy.announceEvery(), now);
        events.onEvent(new CallerOverflowed(now, caller.callId(), from, target, caller.waited(now)));
        actions.overflowed(caller.callId(), target);
    }

    private void notServed(WaitingCaller caller, NotServedReason reason, Instant now) {
        caller.moveTo(CallerState.NOT_SERVED);
        room.remove(caller);
        events.onEvent(new CallerNotServed(now, caller.callId(), caller.queue(), reason, caller.waited(now)));
        actions.notServed(caller.callId(), reason);
    }

    private Instant ringDeadline(WaitingCaller caller) {
        return caller.offeredAt().plus(policy(caller.queue()).ringTimeout());
    }

    private Instant maxWaitDeadline(WaitingCaller caller) {
        return caller.queueEnteredAt().plus(policy(caller.queue()).maxWait());
    }

    private QueuePolicy policy(String queue) {
        QueuePolicy policy = policies.get(queue);
        if (policy == null) {
            throw new UnknownQueueException(queue);
        }
        return policy;
    }

    private void logStale(String callId, String agentNumber, String what) {
        log.atInfo().addKeyValue("callId", callId).addKeyValue("agent", agentNumber)
                .log("{} for an offer that is no longer ringing: nothing to do", what);
    }
}
