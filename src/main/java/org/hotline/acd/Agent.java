package org.hotline.acd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One agent's live record: the declared {@link AgentStatus}, the system-set {@link AgentState}, and
 * the counters and timestamps the routing and the agent rules (R16-R18) need. Every change goes
 * through the two transition tables.
 *
 * <p>Threading: owned by the {@link AcdEngine}; only its serial executor reads or changes it. Other
 * threads get an {@link AgentInfo} copy.
 */
public final class Agent {

    private final AgentProfile profile;
    private AgentStatus status = AgentStatus.LOGGED_OUT;
    private String statusReason = "";
    private Instant statusSince;
    private AgentState state = AgentState.IDLE;
    private Instant stateSince;
    private Instant readySince;
    private LocalDate countersDay;
    private int callsToday;
    private int breaksToday;
    private Instant serviceStart;
    private boolean statusAlertRaised;
    private String callId;
    private String callQueue;
    private Instant connectedAt;
    private Instant wrapUpEnds;

    private boolean reachable = true;

    Agent(AgentProfile profile, Instant now, LocalDate today) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.statusSince = now;
        this.stateSince = now;
        this.readySince = now;
        this.countersDay = today;
    }

    /**
     * Moves the status along its table. Logging in starts continuous service (rule R18), so does the
     * end of a break; logging out ends it. Becoming available counts as becoming ready (longest idle).
     */
    AgentStatus changeStatus(AgentStatus next, String reason, Instant now) {
        AgentStatus previous = status;
        status = status.moveTo(next);
        statusReason = Objects.requireNonNull(reason, "reason");
        statusSince = now;
        statusAlertRaised = false;
        if (previous == AgentStatus.LOGGED_OUT || previous == AgentStatus.ON_BREAK) {
            serviceStart = now;
        }
        if (next == AgentStatus.LOGGED_OUT) {
            serviceStart = null;
        }
        if (next == AgentStatus.AVAILABLE) {
            readySince = now;
        }
        return previous;
    }

    /** Moves the state along its table; back to IDLE the agent is free of any call and ready again. */
    AgentState changeState(AgentState next, Instant now) {
        AgentState previous = state;
        state = state.moveTo(next);
        stateSince = now;
        if (next == AgentState.IDLE) {
            callId = null;
            callQueue = null;
            connectedAt = null;
            wrapUpEnds = null;
            readySince = now;
        }
        return previous;
    }

    /** Resets the daily counters when the day (in the ACD's time zone) changed. */
    void rollDay(LocalDate today) {
        if (!today.equals(countersDay)) {
            countersDay = today;
            callsToday = 0;
            breaksToday = 0;
        }
    }

    void assignCall(String offeredCallId, String queue) {
        callId = offeredCallId;
        callQueue = queue;
    }

    void markConnected(Instant now) {
        connectedAt = now;
        callsToday++;
    }

    void startWrapUp(Instant ends) {
        wrapUpEnds = ends;
    }

    void countBreak() {
        breaksToday++;
    }

    void markStatusAlertRaised() {
        statusAlertRaised = true;
    }

    public AgentProfile profile() {
        return profile;
    }

    public String workNumber() {
        return profile.workNumber();
    }

    public AgentStatus status() {
        return status;
    }

    /** The not-ready reason or kind of break; empty in the other statuses. */
    public String statusReason() {
        return statusReason;
    }

    public Instant statusSince() {
        return statusSince;
    }

    public AgentState state() {
        return state;
    }

    public Instant stateSince() {
        return stateSince;
    }

    /** When the agent last became available and idle: the longest-idle strategy's measure. */
    public Instant readySince() {
        return readySince;
    }

    public int callsToday() {
        return callsToday;
    }

    /** Requested breaks today (rule R17); the break imposed by rule R18 does not count. */
    public int breaksToday() {
        return breaksToday;
    }

    /** Rule R18: the start of continuous service (the last log-in or end of break); empty when logged out. */
    public Optional<Instant> serviceStart() {
        return Optional.ofNullable(serviceStart);
    }

    /** Whether the R16 or R17 alert was already raised for the current not-ready period or break. */
    public boolean statusAlertRaised() {
        return statusAlertRaised;
    }

    /** The call being offered to, talked to or wrapped up by this agent; empty when idle. */
    public Optional<String> callId() {
        return Optional.ofNullable(callId);
    }

    public Optional<String> callQueue() {
        return Optional.ofNullable(callQueue);
    }

    public Optional<Instant> connectedAt() {
        return Optional.ofNullable(connectedAt);
    }

    public Optional<Instant> wrapUpEnds() {
        return Optional.ofNullable(wrapUpEnds);
    }

    /** Whether the current break is the one rule R18 imposed. */
    public boolean onFatigueBreak() {
        return status == AgentStatus.ON_BREAK && AgentRules.R18_FATIGUE_BREAK_REASON.equals(statusReason);
    }

    /** Available, idle and reachable (a registered softphone): may be offered a call. */
    public boolean isReady() {
        return status == AgentStatus.AVAILABLE && state == AgentState.IDLE && reachable;
    }

    /**
     * Whether the agent's softphone is registered: the device state, kept apart from status and
     * state (as mod_callcenter does), so an AVAILABLE agent whose registration lapsed stays AVAILABLE
     * but is not offered calls until it registers again. True until the registrar says otherwise.
     */
    public boolean reachable() {
        return reachable;
    }

    /** Returns whether the value changed. */
    boolean changeReachable(boolean next) {
        boolean changed = reachable != next;
        reachable = next;
        return changed;
    }

    public AgentInfo info() {
        return new AgentInfo(workNumber(), profile.displayName(), status, statusReason, statusSince, state, stateSince,
                callsToday, breaksToday, reachable);
    }
}
