package org.hotline.acd;

import static org.hotline.acd.AgentRules.NO_ANSWER_REASON;
import static org.hotline.acd.AgentRules.R16_NOT_READY_LIMIT;
import static org.hotline.acd.AgentRules.R17_BREAKS_PER_DAY;
import static org.hotline.acd.AgentRules.R17_BREAK_LIMIT;
import static org.hotline.acd.AgentRules.R17_CONCURRENT_BREAKS;
import static org.hotline.acd.AgentRules.R18_CONTINUOUS_SERVICE_LIMIT;
import static org.hotline.acd.AgentRules.R18_FATIGUE_BREAK;
import static org.hotline.acd.AgentRules.R18_FATIGUE_BREAK_REASON;
import static org.hotline.acd.AgentRules.REQUESTED_BREAK_REASON;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotline.acd.AcdEvent.AlertRule;
import org.hotline.acd.AcdEvent.RuleAlert;
import org.hotline.acd.AcdEvent.StatusRequestRefused;

/**
 * Agents' status requests and the agent rules of SERVICE-STANDARDS.md: R16 (not-ready alert), R17
 * (break limits and break alert) and R18 (the imposed break after continuous service).
 *
 * <p>Decisions, where the standard leaves room: a break or log-out waits until the agent has no
 * offer, call or wrap-up running ({@link Refusal#BUSY}); not ready may be declared at any time and
 * takes effect for the next offer. Rule R18's break begins when the agent is next available and
 * idle (after the current call's wrap-up), lasts {@link AgentRules#R18_FATIGUE_BREAK}, does not
 * count against R17's daily breaks but does count as an agent on break, cannot be ended early
 * except by logging out, and ends with the agent available again. Continuous service counts from
 * the last log-in or end of break; not ready does not interrupt it.
 *
 * <p>Threading: the {@link AcdEngine}'s serial executor only.
 */
final class AgentDesk {

    private final AgentBoard board;
    private final AcdEventListener events;

    AgentDesk(AgentBoard board, AcdEventListener events) {
        this.board = board;
        this.events = events;
    }

    StatusReply login(String workNumber, Instant now) {
        return board.find(workNumber)
                .map(agent -> agent.status().isLoggedIn()
                        ? refuse(agent, AgentStatus.AVAILABLE, Refusal.UNCHANGED, now)
                        : accept(agent, AgentStatus.AVAILABLE, "", now))
                .orElseGet(() -> unknown(workNumber, AgentStatus.AVAILABLE, now));
    }

    StatusReply available(String workNumber, Instant now) {
        return board.find(workNumber)
                .map(agent -> commonRefusal(agent, AgentStatus.AVAILABLE)
                        .map(refusal -> refuse(agent, AgentStatus.AVAILABLE, refusal, now))
                        .orElseGet(() -> accept(agent, AgentStatus.AVAILABLE, "", now)))
                .orElseGet(() -> unknown(workNumber, AgentStatus.AVAILABLE, now));
    }

    StatusReply notReady(String workNumber, String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a not-ready reason is required");
        }
        return board.find(workNumber)
                .map(agent -> commonRefusal(agent, AgentStatus.NOT_READY)
                        .map(refusal -> refuse(agent, AgentStatus.NOT_READY, refusal, now))
                        .orElseGet(() -> accept(agent, AgentStatus.NOT_READY, reason, now)))
                .orElseGet(() -> unknown(workNumber, AgentStatus.NOT_READY, now));
    }

    /** Rule R17: the fourth break of the day, or a fourth agent on break at once, is refused. */
    StatusReply takeBreak(String workNumber, Instant now) {
        return board.find(workNumber)
                .map(agent -> breakRefusal(agent)
                        .map(refusal -> refuse(agent, AgentStatus.ON_BREAK, refusal, now))
                        .orElseGet(() -> {
                            agent.countBreak();
                            return accept(agent, AgentStatus.ON_BREAK, REQUESTED_BREAK_REASON, now);
                        }))
                .orElseGet(() -> unknown(workNumber, AgentStatus.ON_BREAK, now));
    }

    StatusReply logout(String workNumber, Instant now) {
        return board.find(workNumber)
                .map(agent -> logoutRefusal(agent)
                        .map(refusal -> refuse(agent, AgentStatus.LOGGED_OUT, refusal, now))
                        .orElseGet(() -> accept(agent, AgentStatus.LOGGED_OUT, "", now)))
                .orElseGet(() -> unknown(workNumber, AgentStatus.LOGGED_OUT, now));
    }

    /** Rule R1: an agent who let an offer ring out is set not ready (unless they already were). */
    void missedOffer(Agent agent, Instant now) {
        if (agent.status() == AgentStatus.AVAILABLE) {
            board.setStatus(agent, AgentStatus.NOT_READY, NO_ANSWER_REASON, now);
        }
    }

    /** Raises the R16 and R17 alerts that are due and ends the R18 breaks that are over. */
    void checkLimits(Instant now) {
        for (Agent agent : board.all()) {
            if (agent.onFatigueBreak()) {
                if (!now.isBefore(agent.statusSince().plus(R18_FATIGUE_BREAK))) {
                    board.setStatus(agent, AgentStatus.AVAILABLE, "", now);
                }
            } else {
                alertDeadline(agent).filter(deadline -> !now.isBefore(deadline)).ifPresent(deadline -> alert(agent, now));
            }
        }
    }

    /** Rule R18: sends every ready agent whose continuous service reached the limit on a break. */
    void imposeDueBreaks(Instant now) {
        for (Agent agent : board.all()) {
            fatigueDeadline(agent).filter(deadline -> !now.isBefore(deadline))
                    .ifPresent(deadline -> board.setStatus(agent, AgentStatus.ON_BREAK, R18_FATIGUE_BREAK_REASON, now));
        }
    }

    /** The earliest moment {@link #checkLimits} or {@link #imposeDueBreaks} has something to do. */
    Optional<Instant> nextDeadline() {
        return board.all().stream()
                .flatMap(agent -> Stream.of(alertDeadline(agent), fatigueDeadline(agent), fatigueBreakEnd(agent)))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    private Optional<Refusal> commonRefusal(Agent agent, AgentStatus requested) {
        if (!agent.status().isLoggedIn()) {
            return Optional.of(Refusal.NOT_LOGGED_IN);
        }
        if (agent.status() == requested) {
            return Optional.of(Refusal.UNCHANGED);
        }
        if (agent.onFatigueBreak()) {
            return Optional.of(Refusal.FATIGUE_BREAK_RUNNING);
        }
        return Optional.empty();
    }

    private Optional<Refusal> breakRefusal(Agent agent) {
        Optional<Refusal> common = commonRefusal(agent, AgentStatus.ON_BREAK);
        if (common.isPresent()) {
            return common;
        }
        if (agent.state() != AgentState.IDLE) {
            return Optional.of(Refusal.BUSY);
        }
        if (agent.breaksToday() >= R17_BREAKS_PER_DAY) {
            return Optional.of(Refusal.BREAKS_PER_DAY_REACHED);
        }
        if (board.onBreak() >= R17_CONCURRENT_BREAKS) {
            return Optional.of(Refusal.CONCURRENT_BREAKS_REACHED);
        }
        return Optional.empty();
    }

    private Optional<Refusal> logoutRefusal(Agent agent) {
        if (!agent.status().isLoggedIn()) {
            return Optional.of(Refusal.UNCHANGED);
        }
        if (agent.state() != AgentState.IDLE) {
            return Optional.of(Refusal.BUSY);
        }
        return Optional.empty();
    }

    /** R16 for not ready, R17 for a requested break; empty once raised for the current period. */
    private static Optional<Instant> alertDeadline(Agent agent) {
        if (agent.statusAlertRaised()) {
            return Optional.empty();
        }
        return switch (agent.status()) {
            case NOT_READY -> Optional.of(agent.statusSince().plus(R16_NOT_READY_LIMIT));
            case ON_BREAK -> agent.onFatigueBreak() ? Optional.empty()
                    : Optional.of(agent.statusSince().plus(R17_BREAK_LIMIT));
            case AVAILABLE, LOGGED_OUT -> Optional.empty();
        };
    }

    private static Optional<Instant> fatigueDeadline(Agent agent) {
        if (!agent.isReady()) {
            return Optional.empty();
        }
        return agent.serviceStart().map(start -> start.plus(R18_CONTINUOUS_SERVICE_LIMIT));
    }

    private static Optional<Instant> fatigueBreakEnd(Agent agent) {
        return agent.onFatigueBreak() ? Optional.of(agent.statusSince().plus(R18_FATIGUE_BREAK)) : Optional.empty();
    }

    private void alert(Agent agent, Instant now) {
        AlertRule rule = agent.status() == AgentStatus.NOT_READY
                ? AlertRule.R16_NOT_READY_TOO_LONG
                : AlertRule.R17_BREAK_TOO_LONG;
        agent.markStatusAlertRaised();
        events.onEvent(new RuleAlert(now, agent.workNumber(), rule, Duration.between(agent.statusSince(), now)));
    }

    private StatusReply accept(Agent agent, AgentStatus next, String reason, Instant now) {
        board.setStatus(agent, next, reason, now);
        return new StatusReply.Accepted(next);
    }

    private StatusReply refuse(Agent agent, AgentStatus requested, Refusal refusal, Instant now) {
        events.onEvent(new StatusRequestRefused(now, agent.workNumber(), requested, refusal));
        return new StatusReply.Refused(refusal);
    }

    private StatusReply unknown(String workNumber, AgentStatus requested, Instant now) {
        events.onEvent(new StatusRequestRefused(now, workNumber, requested, Refusal.UNKNOWN_AGENT));
        return new StatusReply.Refused(Refusal.UNKNOWN_AGENT);
    }
}
