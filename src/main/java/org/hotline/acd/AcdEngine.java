package org.hotline.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotline.acd.AcdEvent.CallCompleted;
import org.hotline.acd.AcdEvent.CallHeld;
import org.hotline.acd.AcdEvent.CallResumed;
import org.hotline.acd.AcdEvent.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACD's decision core: connects queued callers to agents and keeps the agent rules, without
 * knowing SIP or RTP. Fronts report what happened (a caller joined or hung up, a leg answered, an
 * agent asked for a break) and the engine answers with {@link AcdActions} commands and
 * {@link AcdEvent}s. Time comes from the injected {@link Clock} only: before and after handling any
 * call the engine does everything due by the clock's instant (ring timeouts, wrap-up ends, rule
 * R16-R18 timers, maximum waits, announcements) and offers every caller it can, so no decision
 * depends on how often {@link #tick()} runs, only on when.
 *
 * <p>Threading: not thread-safe by design. Every method, queries included, must be called from the
 * ACD's ONE serial executor (fronts post their reports to it); {@link #tick()} is scheduled on the
 * same executor, ideally at {@link #nextDeadline()}. Tests call it directly with a fake clock.
 */
public final class AcdEngine {

    private static final Logger log = LoggerFactory.getLogger(AcdEngine.class);

    private final Clock clock;
    private final ZoneId timeZone;
    private final Map<String, QueuePolicy> policies;
    private final AcdEventListener events;
    private final AgentBoard board;
    private final AgentDesk desk;
    private final HandleTimes handleTimes = new HandleTimes();
    private final Dispatcher dispatcher;

    public AcdEngine(AcdSetup setup, Clock clock, AcdActions actions, AcdEventListener events) {
        this(setup, clock, actions, events, CallbackLedger.NONE);
    }

    /** @param ledger where queued callbacks are kept across restarts (rule R12) */
    public AcdEngine(AcdSetup setup, Clock clock, AcdActions actions, AcdEventListener events, CallbackLedger ledger) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeZone = setup.timeZone();
        this.policies = setup.queuesByName();
        this.events = Objects.requireNonNull(events, "events");
        Instant now = clock.instant();
        this.board = new AgentBoard(setup.agents(), now, today(now), events);
        this.desk = new AgentDesk(board, events);
        this.dispatcher = new Dispatcher(policies, board, desk, handleTimes, Objects.requireNonNull(actions, "actions"),
                events, setup.callbacks(), Objects.requireNonNull(ledger, "ledger"));
    }

    /** A caller asks for an agent of {@code queue}; a higher {@code priority} is served first. */
    public void callerJoined(String callId, String queue, int priority) {
        callerJoined(callId, queue, priority, Optional.empty());
    }

    /**
     * As {@link #callerJoined(String, String, int)}, offered first to {@code preferredAgent} (an
     * agent's blind transfer to a colleague) while that agent is eligible; see {@link Dispatcher#dispatch}.
     */
    public void callerJoined(String callId, String queue, int priority, Optional<String> preferredAgent) {
        Instant now = begin();
        dispatcher.join(callId, queue, priority, preferredAgent, now);
        advance(now);
    }

    /**
     * The registrar's news about an agent's softphone (its device state): an unreachable agent keeps
     * their status and state but is not offered calls; an offer already ringing is left to its own
     * outcome (answer, failure or ring timeout). Unknown work numbers are ignored.
     */
    public void agentReachable(String workNumber, boolean reachable) {
        Instant now = begin();
        board.find(workNumber).ifPresentOrElse(agent -> {
            if (agent.changeReachable(reachable)) {
                log.atInfo().addKeyValue("agent", workNumber).addKeyValue("reachable", reachable)
                        .log("agent softphone reachability changed");
            }
        }, () -> log.atDebug().addKeyValue("agent", workNumber).log("reachability of an unknown agent: ignored"));
        advance(now);
    }

    /** The caller hung up: an abandon while waiting or ringing; the end of the call if connected. */
    public void callerLeft(String callId) {
        Instant now = begin();
        if (!dispatcher.left(callId, now)) {
            if (board.inCall(callId).isPresent()) {
                endCall(callId, Party.CALLER, now);
            } else {
                log.atDebug().addKeyValue("callId", callId).log("caller left who is no longer in the ACD");
            }
        }
        advance(now);
    }

    /** An agent's leg answered. The first answer wins; any other answer is rejected (never two connects). */
    public void offerAnswered(String callId, String agent) {
        Instant now = begin();
        dispatcher.answered(callId, agent, now);
        advance(now);
    }

    /** Rule R1: the agent's leg failed to ring or rang out; the agent goes not ready, the caller keeps their place. */
    public void offerNoAnswer(String callId, String agent) {
        Instant now = begin();
        dispatcher.noAnswer(callId, agent, now);
        advance(now);
    }

    /** The agent's phone declined (busy, decline); the agent stays available and is skipped for this caller. */
    public void offerRejected(String callId, String agent) {
        Instant now = begin();
        dispatcher.rejected(callId, agent, now);
        advance(now);
    }

    /** The agent put the caller on hold (rule R7's hold announcements are the front's). Repeats are ignored. */
    public void agentHold(String callId) {
        Instant now = begin();
        board.inCall(callId).filter(agent -> agent.state() == AgentState.ON_CALL).ifPresentOrElse(agent -> {
            board.setState(agent, AgentState.ON_HOLD, now);
            events.onEvent(new CallHeld(now, callId, agent.workNumber()));
        }, () -> log.atDebug().addKeyValue("callId", callId).log("hold for a call not talking: ignored"));
        advance(now);
    }

    /** The agent took the caller off hold. Repeats are ignored. */
    public void agentResume(String callId) {
        Instant now = begin();
        board.inCall(callId).filter(agent -> agent.state() == AgentState.ON_HOLD).ifPresentOrElse(agent -> {
            board.setState(agent, AgentState.ON_CALL, now);
            events.onEvent(new CallResumed(now, callId, agent.workNumber()));
        }, () -> log.atDebug().addKeyValue("callId", callId).log("resume for a call not on hold: ignored"));
        advance(now);
    }

    /** The conversation is over ({@code endedBy} hung up, or the agent transferred the caller away). */
    public void callEnded(String callId, Party endedBy) {
        Instant now = begin();
        if (board.inCall(callId).isPresent()) {
            endCall(callId, endedBy, now);
        } else {
            log.atInfo().addKeyValue("callId", callId).log("call ended that no agent is on: ignored");
        }
        advance(now);
    }

    /** The agent logs in with their own work number (rule R3) and becomes available. */
    public StatusReply login(String workNumber) {
        Instant now = begin();
        return afterStatusRequest(workNumber, desk.login(workNumber, now), now);
    }

    public StatusReply available(String workNumber) {
        Instant now = begin();
        return afterStatusRequest(workNumber, desk.available(workNumber, now), now);
    }

    /** Not ready with a reason; rule R16 alerts after {@link AgentRules#R16_NOT_READY_LIMIT}. */
    public StatusReply notReady(String workNumber, String reason) {
        Instant now = begin();
        return afterStatusRequest(workNumber, desk.notReady(workNumber, reason, now), now);
    }

    /** A break, within rule R17's limits. */
    public StatusReply takeBreak(String workNumber) {
        Instant now = begin();
        return afterStatusRequest(workNumber, desk.takeBreak(workNumber, now), now);
    }

    public StatusReply logout(String workNumber) {
        Instant now = begin();
        return afterStatusRequest(workNumber, desk.logout(workNumber, now), now);
    }

    /**
     * Rule R12: the waiting caller asks to be called back at {@code number} instead of waiting. The
     * callback takes their place in line (ringing offers for them are withdrawn) and is offered to
     * agents from the policy's initial delay on; a request for a number already waiting is merged
     * into that callback. Empty if the caller is no longer waiting (connected meanwhile).
     */
    public Optional<CallbackTicket> callbackRequested(String callId, String number) {
        return callbackRequested(callId, number, null);
    }

    /** As {@link #callbackRequested(String, String)}; {@code language}: what the customer will hear (kept in the ledger). */
    public Optional<CallbackTicket> callbackRequested(String callId, String number, String language) {
        Instant now = begin();
        Optional<CallbackTicket> ticket = dispatcher.requestCallback(callId, number, language, now);
        advance(now);
        return ticket;
    }

    /**
     * Rule R12 after a restart: the callbacks an earlier run left pending go back in their places
     * (see {@link Callbacks#restore}); returns those now waiting, which the front places as usual.
     */
    public List<CallbackEntry> restoreCallbacks(List<CallbackEntry> pending) {
        Instant now = begin();
        List<CallbackEntry> restored = dispatcher.callbacks().restore(pending, now);
        advance(now);
        return restored;
    }

    /**
     * A callback's attempt failed: the customer did not answer (busy, no answer, trunk failure) or
     * the agent left first. The agent's call ends; the callback goes back to its place for a try no
     * sooner than the minimum interval, or is given up once its attempts are used.
     */
    public CallbackVerdict callbackAttemptFailed(String callbackId) {
        Instant now = begin();
        if (board.inCall(callbackId).isPresent()) {
            endCall(callbackId, Party.CALLER, now);
        }
        CallbackVerdict verdict = dispatcher.callbacks().attemptFailed(callbackId, now);
        advance(now);
        return verdict;
    }

    /** The callback is over, its customer served: forgotten (the ledger says COMPLETED). */
    public void callbackFinished(String callbackId) {
        callbackFinished(callbackId, CallbackStatus.COMPLETED);
    }

    /** The callback is over: COMPLETED (its customer was served) or GAVE_UP (its front gave it up); forgotten. */
    public void callbackFinished(String callbackId, CallbackStatus end) {
        Instant now = begin();
        dispatcher.callbacks().finished(callbackId, end, now);
        advance(now);
    }

    /** Attempts a callback has made so far. */
    public int callbackAttempts(String callbackId) {
        return dispatcher.callbacks().attempts(callbackId);
    }

    /** Does everything due by the clock's instant; schedule it at {@link #nextDeadline()}. */
    public void tick() {
        begin();
    }

    /** The next instant a timer falls due (offer, wrap-up, rule R7/R16/R17/R18, max wait); empty if none. */
    public Optional<Instant> nextDeadline() {
        Stream<Optional<Instant>> wrapUps = board.all().stream().map(Agent::wrapUpEnds);
        return Stream.concat(wrapUps, Stream.of(desk.nextDeadline(), dispatcher.nextDeadline(clock.instant())))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    public Optional<AgentInfo> agent(String workNumber) {
        return board.find(workNumber).map(Agent::info);
    }

    /** Every agent, in configured order. */
    public List<AgentInfo> agents() {
        return board.all().stream().map(Agent::info).toList();
    }

    /** Every queue, in configured order, with its waiting callers and its agents. */
    public List<QueueInfo> queues() {
        return policies.keySet().stream()
                .map(queue -> new QueueInfo(queue, dispatcher.waiting(queue), board.all().stream()
                        .filter(agent -> agent.profile().serves(queue))
                        .map(agent -> new QueueInfo.Member(agent.workNumber(), agent.profile().levelIn(queue).orElseThrow(),
                                agent.status(), agent.state()))
                        .toList()))
                .toList();
    }

    /** The caller's position in their queue, from 1; empty if the caller is not waiting. */
    public Optional<Integer> position(String callId) {
        return dispatcher.position(callId);
    }

    /** The honest expected wait from live handle times; empty when there is not enough data. */
    public Optional<Duration> expectedWait(String callId) {
        return dispatcher.expectedWait(callId);
    }

    /** Brings the engine up to the clock before a report or request is handled, so it sees current state. */
    private Instant begin() {
        Instant now = clock.instant();
        board.rollDay(today(now));
        advance(now);
        return now;
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, timeZone);
    }

    private StatusReply afterStatusRequest(String workNumber, StatusReply reply, Instant now) {
        if (reply instanceof StatusReply.Accepted(AgentStatus status) && status == AgentStatus.AVAILABLE) {
            dispatcher.unskip(workNumber);
        }
        advance(now);
        return reply;
    }

    private void endCall(String callId, Party endedBy, Instant now) {
        Agent agent = board.inCall(callId).orElseThrow();
        String queue = agent.callQueue().orElseThrow();
        Duration talked = Duration.between(agent.connectedAt().orElseThrow(), now);
        events.onEvent(new CallCompleted(now, callId, queue, agent.workNumber(), endedBy, talked));
        Duration wrapUp = policies.get(queue).wrapUp();
        if (wrapUp.isZero()) {
            finishCall(agent, now);
        } else {
            agent.startWrapUp(now.plus(wrapUp));
            board.setState(agent, AgentState.WRAP_UP, now);
        }
    }

    private void finishCall(Agent agent, Instant now) {
        handleTimes.record(agent.callQueue().orElseThrow(), Duration.between(agent.connectedAt().orElseThrow(), now));
        board.setState(agent, AgentState.IDLE, now);
    }

    /** Everything due by {@code now}, in a fixed order, then offers to every caller that can be served. */
    private void advance(Instant now) {
        dispatcher.ringTimeouts(now);
        board.all().stream()
                .filter(agent -> agent.state() == AgentState.WRAP_UP)
                .filter(agent -> !now.isBefore(agent.wrapUpEnds().orElseThrow()))
                .toList()
                .forEach(agent -> finishCall(agent, now));
        desk.checkLimits(now);
        dispatcher.maxWaits(now);
        desk.imposeDueBreaks(now);
        dispatcher.failUnstaffed(now);
        dispatcher.dispatch(now);
        dispatcher.announce(now);
        dispatcher.callbacks().offer(now);
    }
}
