package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.acd.routing.Strategy;
import org.junit.jupiter.api.Test;

/** Policies, profiles and the setup are validated when built; defaults follow the rules they name. */
class SetupValidationTest {

    private static final ZoneId ZONE = TestAcd.SHANGHAI;

    @Test
    void queueDefaultsFollowTheRules() {
        QueuePolicy policy = QueuePolicy.builder("sales").build();
        assertEquals(Strategy.LONGEST_IDLE, policy.strategy());
        assertEquals(Duration.ofSeconds(10), policy.ringTimeout());
        assertEquals(Duration.ofSeconds(45), policy.announceFirstAt());
        assertEquals(MaxWaitAction.fail(), policy.onMaxWait());
        assertEquals(NoAgentsBehaviour.WAIT, policy.whenNoAgents());
        assertEquals(new ServiceLevel(Duration.ofSeconds(20), 80), policy.serviceLevel());
    }

    @Test
    void badQueuePoliciesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> QueuePolicy.builder("sales").maxWait(Duration.ofMinutes(1), MaxWaitAction.overflowTo("sales")).build());
        assertThrows(IllegalArgumentException.class, () -> QueuePolicy.builder("sales").wrapUp(Duration.ofSeconds(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> QueuePolicy.builder("sales").ringTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class,
                () -> QueuePolicy.builder("sales").maxWait(Duration.ZERO, MaxWaitAction.fail()).build());
        assertThrows(IllegalArgumentException.class,
                () -> QueuePolicy.builder("sales").announcements(Duration.ofSeconds(45), Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> QueuePolicy.builder(" ").build());
    }

    @Test
    void serviceLevelCountsAnswersUpToTheThreshold() {
        ServiceLevel level = new ServiceLevel(Duration.ofSeconds(20), 80);
        assertTrue(level.met(Duration.ofSeconds(20)));
        assertFalse(level.met(Duration.ofMillis(20_001)));
        assertThrows(IllegalArgumentException.class, () -> new ServiceLevel(Duration.ofSeconds(20), 0));
        assertThrows(IllegalArgumentException.class, () -> new ServiceLevel(Duration.ofSeconds(20), 101));
    }

    @Test
    void agentProfilesNeedADigitWorkNumberAndNonNegativeLevels() {
        assertThrows(IllegalArgumentException.class, () -> AgentProfile.of("agent1", "Li", "sales"));
        assertThrows(IllegalArgumentException.class, () -> AgentProfile.of("", "Li", "sales"));
        assertThrows(IllegalArgumentException.class, () -> new AgentProfile("1001", "Li", Map.of("sales", -1)));
        AgentProfile profile = new AgentProfile("1001", "Li", Map.of("sales", 2));
        assertEquals(Optional.of(2), profile.levelIn("sales"));
        assertFalse(profile.serves("billing"));
    }

    @Test
    void setupRejectsDuplicatesAndUnknownQueues() {
        QueuePolicy sales = QueuePolicy.builder("sales").build();
        assertThrows(IllegalArgumentException.class, () -> new AcdSetup(List.of(sales, sales), List.of(), ZONE));
        assertThrows(IllegalArgumentException.class, () -> new AcdSetup(List.of(sales),
                List.of(AgentProfile.of("1001", "Li", "sales"), AgentProfile.of("1001", "Wang", "sales")), ZONE));
        assertThrows(IllegalArgumentException.class,
                () -> new AcdSetup(List.of(sales), List.of(AgentProfile.of("1001", "Li", "billing")), ZONE));
        assertThrows(IllegalArgumentException.class, () -> new AcdSetup(List.of(
                QueuePolicy.builder("a").maxWait(Duration.ofMinutes(1), MaxWaitAction.overflowTo("nowhere")).build()),
                List.of(), ZONE));
    }

    @Test
    void setupRejectsOverflowLoopsButAcceptsChains() {
        Duration wait = Duration.ofMinutes(1);
        assertThrows(IllegalArgumentException.class, () -> new AcdSetup(List.of(
                QueuePolicy.builder("a").maxWait(wait, MaxWaitAction.overflowTo("b")).build(),
                QueuePolicy.builder("b").maxWait(wait, MaxWaitAction.overflowTo("c")).build(),
                QueuePolicy.builder("c").maxWait(wait, MaxWaitAction.overflowTo("a")).build()), List.of(), ZONE));
        AcdSetup chain = new AcdSetup(List.of(
                QueuePolicy.builder("a").maxWait(wait, MaxWaitAction.overflowTo("b")).build(),
                QueuePolicy.builder("b").maxWait(wait, MaxWaitAction.overflowTo("c")).build(),
                QueuePolicy.builder("c").build()), List.of(), ZONE);
        assertEquals(List.of("a", "b", "c"), List.copyOf(chain.queuesByName().keySet()));
    }

    @Test
    void handleTimesAverageOnlyTheRecentWindow() {
        HandleTimes times = new HandleTimes();
        for (int i = 0; i < HandleTimes.WINDOW; i++) {
            times.record("sales", Duration.ofSeconds(1000));
        }
        for (int i = 0; i < HandleTimes.WINDOW; i++) {
            times.record("sales", Duration.ofSeconds(100));
        }
        assertEquals(Optional.of(Duration.ofSeconds(100)), times.average("sales"));
        assertEquals(Optional.of(Duration.ofSeconds(150)), times.expectedWait("sales", 3, 2));
        assertEquals(Optional.empty(), times.expectedWait("sales", 3, 0));
        assertEquals(Optional.empty(), times.average("billing"));
    }
}
