package org.hotline.acd.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.acd.AcdSetup;
import org.hotline.acd.AgentProfile;
import org.hotline.acd.CallbackPolicy;
import org.hotline.acd.MaxWaitAction;
import org.hotline.acd.NoAgentsBehaviour;
import org.hotline.acd.QueuePolicy;
import org.hotline.acd.ServiceLevel;
import org.hotline.acd.routing.Strategy;
import org.hotline.config.AgentConfig;
import org.hotline.config.CallbackConfig;
import org.hotline.config.HotlineConfig;
import org.hotline.config.QueueConfig;

/**
 * Turns the validated configuration into the ACD's inputs: the engine's {@link AcdSetup} (queue
 * policies, agent profiles, time zone) and each queue's {@link QueueCallerSettings}. Pure functions.
 */
public final class AcdConfigMapping {

    private AcdConfigMapping() {
    }

    public static AcdSetup setup(HotlineConfig config) {
        List<QueuePolicy> queues = config.queues().stream().map(AcdConfigMapping::policy).toList();
        List<AgentProfile> agents = config.agents().members().stream().map(AcdConfigMapping::profile).toList();
        return new AcdSetup(queues, agents, config.service().timeZone(), callbackPolicy(config.callback()));
    }

    /** Rule R12: how callbacks are placed. */
    static CallbackPolicy callbackPolicy(CallbackConfig callback) {
        return new CallbackPolicy(callback.initialDelay(), callback.maxAttempts(), callback.minInterval());
    }

    /** The callers' side of each queue, and the agents' queues (for transfers). */
    public static QueueDirectory directory(HotlineConfig config) {
        Map<String, AgentProfile> agents = new LinkedHashMap<>();
        config.agents().members().forEach(agent -> agents.put(agent.workNumber(), profile(agent)));
        return new QueueDirectory(callerSettings(config), agents);
    }

    static Map<String, QueueCallerSettings> callerSettings(HotlineConfig config) {
        Map<String, QueueCallerSettings> settings = new LinkedHashMap<>();
        for (QueueConfig queue : config.queues()) {
            settings.put(queue.name(), new QueueCallerSettings(queue.name(), queue.priority(), queue.musicOnHold(),
                    queue.whisper(), queue.announceFirst(), queue.announceInterval()));
        }
        return Map.copyOf(settings);
    }

    /** Every prompt the ACD may play to callers or whisper to agents, to be checked at start-up. */
    public static Set<String> promptsPlayed(HotlineConfig config) {
        Set<String> names = new TreeSet<>(AcdPrompts.FIXED);
        for (char digit = '0'; digit <= '9'; digit++) {
            names.add("digit." + digit); // rule R3: work numbers are read digit by digit
        }
        for (QueueConfig queue : config.queues()) {
            names.add(queue.musicOnHold());
            if (queue.whisper()) {
                names.add(AcdPrompts.queueName(queue.name()));
            }
        }
        if (config.queues().stream().anyMatch(QueueConfig::offersCallback)) {
            names.addAll(CallbackPrompts.FIXED); // rule R12
            names.addAll(List.of("menu.press", "closing.normal", "menu.invalid"));
        }
        return names;
    }

    static QueuePolicy policy(QueueConfig queue) {
        MaxWaitAction onMaxWait = queue.onMaxWait().equals(QueueConfig.FAIL)
                ? MaxWaitAction.fail()
                : MaxWaitAction.overflowTo(queue.onMaxWait());
        return QueuePolicy.builder(queue.name())
                .strategy(strategy(queue.strategy()))
                .wrapUp(queue.wrapUp())
                .maxWait(queue.maxWait(), onMaxWait)
                .whenNoAgents(queue.whenNoAgents() == QueueConfig.NoAgents.FAIL ? NoAgentsBehaviour.FAIL : NoAgentsBehaviour.WAIT)
                .serviceLevel(new ServiceLevel(queue.serviceLevel().threshold(), queue.serviceLevel().targetPercent()))
                .announcements(queue.announceFirst(), queue.announceInterval())
                .ringTimeout(queue.ringTimeout())
                .callbackAfter(queue.callbackAfter())
                .build();
    }

    static AgentProfile profile(AgentConfig agent) {
        return new AgentProfile(agent.workNumber(), agent.displayName(), agent.queues());
    }

    private static Strategy strategy(QueueConfig.Strategy strategy) {
        return switch (strategy) {
            case LONGEST_IDLE -> Strategy.LONGEST_IDLE;
            case ROUND_ROBIN -> Strategy.ROUND_ROBIN;
            case FEWEST_CALLS -> Strategy.FEWEST_CALLS;
            case RING_ALL -> Strategy.RING_ALL;
        };
    }
}
