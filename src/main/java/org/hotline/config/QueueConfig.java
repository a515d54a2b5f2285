package org.hotline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * An agent queue a menu leaf can name ({@code queues:} entries) and how it treats its callers.
 * Defaults are in {@link ConfigDefaults}; {@code docs/configuration.md} describes every key.
 *
 * @param name             unique; what {@link MenuOption#queue()} and {@code ivr.agentQueue} refer to
 * @param description      for operators and reports; optional
 * @param strategy         how an agent is chosen; default {@code longest-idle}
 * @param priority         0-9; callers of a higher priority are served first, and keep it when they
 *                         overflow into another queue; default 0
 * @param wrapUp           after-call work time of the agent after each call, 0-10m; default 15s
 * @param maxWait          longest wait in this queue before {@code onMaxWait}, at most 1h; default 5m
 * @param onMaxWait        {@code fail} (rule R9's failure path) or the name of the queue to overflow to;
 *                         default {@code fail}
 * @param whenNoAgents     what callers get while nobody serving the queue is logged in; default {@code wait}
 * @param serviceLevel     the 服务水平 objective, e.g. 80 % within 20 s (SERVICE-STANDARDS.md, "The numbers")
 * @param announceFirst    rule R7: the first position announcement after joining, at most 45s; default 45s;
 *                         also the first hold announcement after an agent puts the caller on hold
 * @param announceInterval rule R7: the repeat interval of those announcements, 15s-5m; default 60s
 * @param ringTimeout      rule R1: an agent's phone ringing this long without answer is a missed offer,
 *                         at most 10s; default 10s
 * @param musicOnHold      prompt name played, looped, while waiting or held; default {@code music.hold}
 * @param whisper          whether the agent hears the queue's name ({@code queue.name.<name>}) on answer,
 *                         before the caller is connected; default false
 * @param recording        rule R14: which of the queue's calls are recorded, {@code all}, {@code none}
 *                         or {@code <n>%}; default {@code all}
 * @param callbackAfter    rule R12: a waiting caller whose expected wait reaches this is offered a
 *                         callback (keeping their place in line); 0s, the default, offers none; else
 *                         10s-1h, and {@code trunk.enabled} is needed
 */
public record QueueConfig(
        String name,
        String description,
        Strategy strategy,
        int priority,
        Duration wrapUp,
        Duration maxWait,
        String onMaxWait,
        NoAgents whenNoAgents,
        ServiceLevelConfig serviceLevel,
        Duration announceFirst,
        Duration announceInterval,
        Duration ringTimeout,
        String musicOnHold,
        boolean whisper,
        RecordingPolicy recording,
        Duration callbackAfter) {

    /** A queue that offers no callback (the record's shape before rule R12's callbacks existed). */
    public QueueConfig(String name, String description, Strategy strategy, int priority, Duration wrapUp,
            Duration maxWait, String onMaxWait, NoAgents whenNoAgents, ServiceLevelConfig serviceLevel,
            Duration announceFirst, Duration announceInterval, Duration ringTimeout, String musicOnHold,
            boolean whisper, RecordingPolicy recording) {
        this(name, description, strategy, priority, wrapUp, maxWait, onMaxWait, whenNoAgents, serviceLevel,
                announceFirst, announceInterval, ringTimeout, musicOnHold, whisper, recording, Duration.ZERO);
    }

    /** Whether the queue offers its waiting callers a callback (rule R12). */
    public boolean offersCallback() {
        return callbackAfter != null && callbackAfter.isPositive();
    }

    /** The {@code onMaxWait} value that ends the wait with rule R9's failure path. */
    public static final String FAIL = "fail";

    /** How the queue picks an agent; every strategy offers lower levels first. */
    public enum Strategy {
        @JsonProperty("longest-idle") LONGEST_IDLE("longest-idle"),
        @JsonProperty("round-robin") ROUND_ROBIN("round-robin"),
        @JsonProperty("fewest-calls") FEWEST_CALLS("fewest-calls"),
        /** Every eligible agent rings at once; the first answer wins, the others are CANCELled. */
        @JsonProperty("ring-all") RING_ALL("ring-all");

        private final String configName;

        Strategy(String configName) {
            this.configName = configName;
        }

        /** As written in the YAML (errors list the values this way). */
        @Override
        public String toString() {
            return configName;
        }
    }

    /** What a queue does while nobody serving it is logged in. */
    public enum NoAgents {
        /** Callers wait, up to {@code maxWait}, for an agent to log in. */
        @JsonProperty("wait") WAIT("wait"),
        /** Callers get rule R9's failure path at once. */
        @JsonProperty("fail") FAIL("fail");

        private final String configName;

        NoAgents(String configName) {
            this.configName = configName;
        }

        @Override
        public String toString() {
            return configName;
        }
    }

    /**
     * A queue's service-level objective: {@code targetPercent} of calls answered within {@code threshold}.
     *
     * @param threshold     positive; default 20s
     * @param targetPercent 1-100; default 80
     */
    public record ServiceLevelConfig(Duration threshold, int targetPercent) {
    }
}
