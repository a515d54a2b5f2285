package org.hotline.acd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.acd.AcdEvent.AgentStateChanged;
import org.hotline.acd.AcdEvent.AgentStatusChanged;
import org.hotline.acd.routing.AgentView;

/**
 * All agents, in configured order, and the single place their status and state change, so that
 * every change is emitted as an event.
 *
 * <p>Threading: the {@link AcdEngine}'s serial executor only.
 */
final class AgentBoard {

    private final Map<String, Agent> byWorkNumber = new LinkedHashMap<>();
    private final AcdEventListener events;

    AgentBoard(List<AgentProfile> profiles, Instant now, LocalDate today, AcdEventListener events) {
        this.events = events;
        for (AgentProfile profile : profiles) {
            byWorkNumber.put(profile.workNumber(), new Agent(profile, now, today));
        }
    }

    Optional<Agent> find(String workNumber) {
        return Optional.ofNullable(byWorkNumber.get(workNumber));
    }

    /** The agent with this work number; the engine only asks for agents it offered calls to. */
    Agent get(String workNumber) {
        Agent agent = byWorkNumber.get(workNumber);
        if (agent == null) {
            throw new IllegalArgumentException("unknown agent " + workNumber);
        }
        return agent;
    }

    Collection<Agent> all() {
        return byWorkNumber.values();
    }

    /** The agent talking to or holding this caller, if any. */
    Optional<Agent> inCall(String callId) {
        return byWorkNumber.values().stream()
                .filter(agent -> agent.state().isInCall() && agent.callId().orElse("").equals(callId))
                .findFirst();
    }

    void setStatus(Agent agent, AgentStatus next, String reason, Instant now) {
        AgentStatus previous = agent.changeStatus(next, reason, now);
        events.onEvent(new AgentStatusChanged(now, agent.workNumber(), previous, next, reason));
    }

    void setState(Agent agent, AgentState next, Instant now) {
        AgentState previous = agent.changeState(next, now);
        events.onEvent(new AgentStateChanged(now, agent.workNumber(), previous, next));
    }

    void rollDay(LocalDate today) {
        byWorkNumber.values().forEach(agent -> agent.rollDay(today));
    }

    /** Rule R17: agents on break right now, requested or imposed. */
    long onBreak() {
        return byWorkNumber.values().stream().filter(agent -> agent.status() == AgentStatus.ON_BREAK).count();
    }

    boolean anyLoggedIn(String queue) {
        return byWorkNumber.values().stream()
                .anyMatch(agent -> agent.profile().serves(queue) && agent.status().isLoggedIn());
    }

    /** Agents serving the queue who are available (idle or busy with calls): the expected-wait divisor. */
    int serving(String queue) {
        return (int) byWorkNumber.values().stream()
                .filter(agent -> agent.profile().serves(queue) && agent.status() == AgentStatus.AVAILABLE)
                .count();
    }

    /** The routing picture of every agent serving the queue. */
    List<AgentView> views(String queue) {
        return byWorkNumber.values().stream()
                .filter(agent -> agent.profile().serves(queue))
                .map(agent -> new AgentView(agent.workNumber(), agent.status(), agent.state(),
                        agent.profile().levelIn(queue).orElseThrow(), agent.readySince(), agent.callsToday(),
                        agent.reachable()))
                .toList();
    }
}
