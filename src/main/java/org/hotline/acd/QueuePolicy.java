package org.hotline.acd;

import java.time.Duration;
import java.util.Objects;
import org.hotline.acd.routing.Strategy;

/**
 * How one queue treats its callers, validated when built. Times count from the caller's entry into
 * the ACD, except the maximum wait, which counts from the entry into this queue (so an overflowed
 * caller gets the target queue's full wait).
 *
 * @param wrapUp          after-call work time of an agent after each call of this queue (may be zero)
 * @param maxWait         how long a caller waits here before {@code onMaxWait}
 * @param announceFirstAt rule R7: the first position announcement, 45 s after entry
 * @param announceEvery   rule R7: the repeat interval of that announcement
 * @param ringTimeout     rule R1: an offer not answered within this is a missed offer
 * @param callbackAfter   rule R12: a waiting caller whose wait so far plus the expected wait reaches
 *                        this is offered a callback; zero offers none
 */
public record QueuePolicy(
        String name,
        Strategy strategy,
        Duration wrapUp,
        Duration maxWait,
        MaxWaitAction onMaxWait,
        NoAgentsBehaviour whenNoAgents,
        ServiceLevel serviceLevel,
        Duration announceFirstAt,
        Duration announceEvery,
        Duration ringTimeout,
        Duration callbackAfter) {

    /** Rule R1: three rings, 10 s. */
    public static final Duration R1_RING_TIMEOUT = Duration.ofSeconds(10);
    /** Rule R7: the first announcement 45 s after the caller joined. */
    public static final Duration R7_FIRST_ANNOUNCEMENT = Duration.ofSeconds(45);
    public static final Duration DEFAULT_ANNOUNCE_EVERY = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WRAP_UP = Duration.ofSeconds(15);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(5);

    public QueuePolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(onMaxWait, "onMaxWait");
        Objects.requireNonNull(whenNoAgents, "whenNoAgents");
        Objects.requireNonNull(serviceLevel, "serviceLevel");
        if (name.isBlank()) {
            throw new IllegalArgumentException("queue name must not be blank");
        }
        requireNotNegative(name, "wrapUp", wrapUp);
        requirePositive(name, "maxWait", maxWait);
        requirePositive(name, "announceFirstAt", announceFirstAt);
        requirePositive(name, "announceEvery", announceEvery);
        requirePositive(name, "ringTimeout", ringTimeout);
        requireNotNegative(name, "callbackAfter", callbackAfter);
        if (onMaxWait instanceof MaxWaitAction.Overflow(String target) && target.equals(name)) {
            throw new IllegalArgumentException("queue " + name + " overflows to itself");
        }
    }

    /** A queue that offers no callback (the record's shape before rule R12's callbacks). */
    public QueuePolicy(String name, Strategy strategy, Duration wrapUp, Duration maxWait, MaxWaitAction onMaxWait,
            NoAgentsBehaviour whenNoAgents, ServiceLevel serviceLevel, Duration announceFirstAt, Duration announceEvery,
            Duration ringTimeout) {
        this(name, strategy, wrapUp, maxWait, onMaxWait, whenNoAgents, serviceLevel, announceFirstAt, announceEvery,
                ringTimeout, Duration.ZERO);
    }

    /** Whether the queue offers its waiting callers a callback (rule R12). */
    public boolean offersCallback() {
        return callbackAfter.isPositive();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    private static void requirePositive(String queue, String key, Duration value) {
        requireNotNegative(queue, key, value);
        if (value.isZero()) {
            throw new IllegalArgumentException("queue " + queue + ": " + key + " must be positive");
        }
    }

    private static void requireNotNegative(String queue, String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative()) {
            throw new IllegalArgumentException("queue " + queue + ": " + key + " must not be negative: " + value);
        }
    }

    /** Builds a policy from the defaults above (longest-idle, wait when unstaffed, R9 at max wait). */
    public static final class Builder {
        private final String name;
        private Strategy strategy = Strategy.LONGEST_IDLE;
        private Duration wrapUp = DEFAULT_WRAP_UP;
        private Duration maxWait = DEFAULT_MAX_WAIT;
        private MaxWaitAction onMaxWait = MaxWaitAction.fail();
        private NoAgentsBehaviour whenNoAgents = NoAgentsBehaviour.WAIT;
        private ServiceLevel serviceLevel = ServiceLevel.DEFAULT;
        private Duration announceFirstAt = R7_FIRST_ANNOUNCEMENT;
        private Duration announceEvery = DEFAULT_ANNOUNCE_EVERY;
        private Duration ringTimeout = R1_RING_TIMEOUT;
        private Duration callbackAfter = Duration.ZERO;

        private Builder(String name) {
            this.name = name;
        }

        public Builder strategy(Strategy value) {
            strategy = value;
            return this;
        }

        public Builder wrapUp(Duration value) {
            wrapUp = value;
            return this;
        }

        public Builder maxWait(Duration value, MaxWaitAction then) {
            maxWait = value;
            onMaxWait = then;
            return this;
        }

        public Builder whenNoAgents(NoAgentsBehaviour value) {
            whenNoAgents = value;
            return this;
        }

        public Builder serviceLevel(ServiceLevel value) {
            serviceLevel = value;
            return this;
        }

        public Builder announcements(Duration firstAt, Duration every) {
            announceFirstAt = firstAt;
            announceEvery = every;
            return this;
        }

        public Builder ringTimeout(Duration value) {
            ringTimeout = value;
            return this;
        }

        /** Rule R12: offer a callback once the wait so far plus the expected wait reaches {@code value}. */
        public Builder callbackAfter(Duration value) {
            callbackAfter = value;
            return this;
        }

        public QueuePolicy build() {
            return new QueuePolicy(name, strategy, wrapUp, maxWait, onMaxWait, whenNoAgents, serviceLevel,
                    announceFirstAt, announceEvery, ringTimeout, callbackAfter);
        }
    }
}
