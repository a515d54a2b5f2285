package org.hotline.acd.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.acd.AcdEvent;
import org.hotline.acd.AcdSetup;
import org.hotline.acd.AgentProfile;
import org.hotline.acd.AgentStatus;
import org.hotline.acd.QueuePolicy;
import org.hotline.acd.Refusal;
import org.hotline.config.ConfigLoader;
import org.hotline.prompt.PromptLibrary;
import org.hotline.prompt.SpokenNumbers;
import org.junit.jupiter.api.Test;

/** The agents' softphone codes, through the driver on a deterministic executor. */
class AcdFeatureCodesTest {

    private final TestClock clock = new TestClock(AcdFixture.START);
    private final ManualSerialExecutor executor = new ManualSerialExecutor(clock);
    private final List<AcdEvent> events = new CopyOnWriteArrayList<>();
    private final AcdDriver driver = new AcdDriver(new AcdSetup(List.of(QueuePolicy.builder("general").build()),
            List.of(agent("1001"), agent("1002"), agent("1003"), agent("1004")), ZoneId.of("Asia/Shanghai")),
            clock, executor, events::add);
    private final AcdFeatureCodes codes = new AcdFeatureCodes(driver);

    @Test
    void starOneLogsInAndStarTwoThreeZeroChangeStatus() {
        assertEquals(List.of("agent.status.available"), codes.apply("1001", "*1"));
        assertEquals(List.of("agent.status.not-ready"), codes.apply("1001", "*2"));
        assertEquals(List.of("agent.status.available"), codes.apply("1001", "*1"));
        assertEquals(List.of("agent.status.break"), codes.apply("1001", "*3"));
        assertEquals(List.of("agent.status.logged-out"), codes.apply("1001", "*0"));
        assertEquals(AgentStatus.LOGGED_OUT, driver.agent("1001").join().orElseThrow().status());
    }

    @Test
    void notReadyByCodeCarriesItsReason() {
        codes.apply("1001", "*1");
        codes.apply("1001", "*2");

        assertEquals(AcdFeatureCodes.FEATURE_CODE_REASON, driver.agent("1001").join().orElseThrow().statusReason());
    }

    @Test
    void fourthBreakOfTheDayIsRefusedWithItsPrompt() {
        codes.apply("1001", "*1");
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("agent.status.break"), codes.apply("1001", "*3"));
            executor.advance(Duration.ofMinutes(5));
            codes.apply("1001", "*1");
        }

        assertEquals(List.of("agent.break.refused-daily"), codes.apply("1001", "*3")); // rule R17
    }

    @Test
    void fourthAgentOnBreakAtOnceIsRefusedWithItsPrompt() {
        for (String agent : List.of("1001", "1002", "1003")) {
            codes.apply(agent, "*1");
            codes.apply(agent, "*3");
        }
        codes.apply("1004", "*1");

        assertEquals(List.of("agent.break.refused-concurrent"), codes.apply("1004", "*3")); // rule R17
        assertTrue(events.stream().anyMatch(event -> event instanceof AcdEvent.StatusRequestRefused refused
                && refused.reason() == Refusal.CONCURRENT_BREAKS_REACHED));
    }

    @Test
    void refusalsOfTheStateMachineAnswerWithTheirPrompts() {
        assertEquals(List.of("agent.status.refused-logged-out"), codes.apply("1001", "*2"));
        codes.apply("1001", "*1");
        assertEquals(List.of("agent.status.unchanged"), codes.apply("1001", "*1"));
        assertEquals(List.of("agent.status.refused-unknown"), codes.apply("9999", "*1"));
    }

    @Test
    void unknownCodeSaysSo() {
        assertEquals(List.of("agent.code.unknown"), codes.apply("1001", "*7"));
        assertEquals(List.of("agent.code.unknown"), codes.apply("1001", "#"));
    }

    @Test
    void codeWithoutTheStarWorksToo() {
        assertEquals(List.of("agent.status.available"), codes.apply("1001", "1"));
    }

    @Test
    void everyPromptTheAcdPlaysExistsInBothLanguages() {
        PromptLibrary prompts = PromptLibrary.load(Path.of("prompts"),
                List.of(SpokenNumbers.MANDARIN, SpokenNumbers.ENGLISH));
        var config = ConfigLoader.loadDefault(Map.of());

        for (String language : List.of(SpokenNumbers.MANDARIN, SpokenNumbers.ENGLISH)) {
            for (String name : AcdConfigMapping.promptsPlayed(config)) {
                assertTrue(prompts.has(name, language), language + "/" + name);
            }
            for (Refusal refusal : Refusal.values()) {
                assertTrue(prompts.has(refusal.promptName(), language), language + "/" + refusal.promptName());
            }
        }
    }

    private static AgentProfile agent(String workNumber) {
        return AgentProfile.of(workNumber, "Agent " + workNumber, "general");
    }
}
