package org.hotline.acd.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.acd.AgentProfile;
import org.hotline.acd.MaxWaitAction;
import org.hotline.acd.NoAgentsBehaviour;
import org.hotline.acd.QueuePolicy;
import org.hotline.acd.routing.Strategy;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.junit.jupiter.api.Test;

/** How the ACD's announcements are composed, and how the configuration maps onto the ACD. */
class AcdPromptsTest {

    @Test
    void waitAnnouncementSaysCallersAheadAndTheExpectedWaitInWholeMinutesRoundedUp() {
        assertEquals(List.of("queue.please-hold", "queue.position.before", "num.2", "num.10", "num.3", "queue.position.after",
                "queue.wait.before", "num.4", "queue.wait.after"),
                AcdPrompts.waitAnnouncement(24, Optional.of(Duration.ofSeconds(181)), "zh-CN"));
        assertEquals(List.of("queue.please-hold", "queue.position.before", "num.20", "num.3", "queue.position.after"),
                AcdPrompts.waitAnnouncement(24, Optional.empty(), "en-US"));
    }

    @Test
    void waitAnnouncementLeavesOutTheCountWhenNobodyIsAheadAndSaysAtLeastOneMinute() {
        assertEquals(List.of("queue.please-hold", "queue.wait.before", "num.1", "queue.wait.after"),
                AcdPrompts.waitAnnouncement(1, Optional.of(Duration.ofSeconds(20)), "en-US"));
    }

    @Test
    void introductionThanksOnlyAfterTenSecondsOfWaitThenReadsTheWorkNumber() {
        assertEquals(List.of("agent.work-number.before", "digit.1", "digit.0", "digit.0", "digit.7", "agent.work-number.after"),
                AcdPrompts.agentIntroduction(Duration.ofSeconds(9), "1007", "zh-CN"));
        assertEquals("wait.thanks", AcdPrompts.agentIntroduction(Duration.ofSeconds(10), "1007", "zh-CN").getFirst()); // rule R8
    }

    @Test
    void queueConfigMapsOntoThePolicyOfTheEngine() {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of());

        QueuePolicy billing = AcdConfigMapping.setup(config).queuesByName().get("billing");
        assertEquals(QueuePolicy.builder("billing").maxWait(Duration.ofMinutes(3), MaxWaitAction.overflowTo("general")).build(),
                billing);
        QueuePolicy support = AcdConfigMapping.setup(config).queuesByName().get("support");
        assertEquals(Strategy.RING_ALL, support.strategy());
        assertEquals(NoAgentsBehaviour.WAIT, support.whenNoAgents());
        assertEquals(new QueueCallerSettings("support", 1, "music.hold", true, Duration.ofSeconds(45), Duration.ofSeconds(60)),
                AcdConfigMapping.directory(config).settings("support"));
    }

    @Test
    void agentTransferGoesToTheNamedQueueOrAQueueOfTheNamedAgentOrStays() {
        QueueDirectory directory = AcdConfigMapping.directory(ConfigLoader.loadDefault(Map.of()));

        assertEquals("billing", directory.transferQueue("billing", "general"));
        assertEquals("general", directory.transferQueue("1002", "general")); // 1002 serves general: stay there
        assertEquals("support", directory.transferQueue("1001", "support")); // 1001 serves support at level 1
        assertEquals("support", directory.transferQueue("nobody", "support"));
        QueueDirectory elsewhere = new QueueDirectory(directory.queues(),
                Map.of("7", new AgentProfile("7", "Seven", Map.of("billing", 1, "support", 0))));
        assertEquals("support", elsewhere.transferQueue("7", "general")); // the agent's lowest level
    }
}
