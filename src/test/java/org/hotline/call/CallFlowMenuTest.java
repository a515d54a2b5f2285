package org.hotline.call;

import static org.hotline.call.FlowHarness.billingMenu;
import static org.hotline.call.FlowHarness.greeting;
import static org.hotline.call.FlowHarness.mainMenu;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.hotline.config.ConfigLoader;
import org.hotline.config.MenuConfig;
import org.hotline.config.MenuOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The voice menu: navigation (R4), languages (R6), wrong keys, and the silent line (R5). */
class CallFlowMenuTest {

    private static final String AWAIT = "await 5000ms -> ";

    @Test
    void navigatesThroughTheBillingSubmenuToTheBillingQueue() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("11").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of(
                "answer",
                greeting("greeting.morning"),
                mainMenu("zh-CN"),
                AWAIT + "1",
                billingMenu("zh-CN"),
                AWAIT + "1",
                "say zh-CN transfer.connecting",
                "queue billing zh-CN [1, 1] -> NOT_SERVED",
                "say zh-CN transfer.failed",
                "say zh-CN closing.normal",
                "hangup NOT_SERVED"), flow.steps());
        assertEquals(List.of(
                "Greeted [greeting.morning, greeting.welcome]",
                "MenuEntered [] 1",
                "DigitReceived 1",
                "MenuEntered [1] 1",
                "DigitReceived 1",
                "QueueRequested billing [1, 1]",
                "QueueLeft billing NOT_SERVED",
                "Ended NOT_SERVED"), flow.events());
    }

    @ParameterizedTest(name = "keys {0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "11 | billing | [1, 1]",
            "12 | billing | [1, 2]",
            "2  | support | [2]",
            "0  | general | [0]",
            "10 | general | [1, 0]",
    })
    void reachesEachQueueOfTheDemoMenu(String keys, String queue, String path) {
        FlowHarness flow = new FlowHarness();
        flow.call.press(keys).queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals("queue " + queue + " zh-CN " + path + " -> NOT_SERVED", flow.steps().get(3 + 2 * keys.length()));
    }

    @Test
    void starGoesBackOneLevel() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("1*2").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of(
                mainMenu("zh-CN"), AWAIT + "1",
                billingMenu("zh-CN"), AWAIT + "*",
                mainMenu("zh-CN"), AWAIT + "2",
                "say zh-CN transfer.connecting",
                "queue support zh-CN [2] -> NOT_SERVED"), flow.steps().subList(2, 10));
        assertEquals("MenuEntered [] 1", flow.events().get(5), "back to the top, first attempt");
    }

    @Test
    void starOnTheTopLevelIsAWrongKey() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("*2").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of("Greeted [greeting.morning, greeting.welcome]", "MenuEntered [] 1", "DigitReceived *",
                "InvalidInput [] *", "MenuEntered [] 2", "DigitReceived 2"), flow.events().subList(0, 6));
    }

    @Test
    void languageKeySwitchesToEnglishAndReplaysTheTopMenuOfferingChinese() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("92").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of(
                "answer",
                greeting("greeting.morning"),
                mainMenu("zh-CN"),
                AWAIT + "9",
                mainMenu("en-US"),
                AWAIT + "2",
                "say en-US transfer.connecting",
                "queue support en-US [2] -> NOT_SERVED",
                "say en-US transfer.failed",
                "say en-US closing.normal",
                "hangup NOT_SERVED"), flow.steps());
        assertEquals(List.of("DigitReceived 9", "LanguageChanged en-US", "MenuEntered [] 1"), flow.events().subList(2, 5));
    }

    @Test
    void languageKeyInEnglishSwitchesBackToMandarin() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("990").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of(mainMenu("zh-CN"), AWAIT + "9", mainMenu("en-US"), AWAIT + "9", mainMenu("zh-CN"), AWAIT + "0",
                "say zh-CN transfer.connecting", "queue general zh-CN [0] -> NOT_SERVED"), flow.steps().subList(2, 10));
    }

    @Test
    void agentKeyWorksOnTheThirdLevel() {
        MenuConfig third = new MenuConfig("menu.third", List.of(new MenuOption("1", "menu.option.leaf", "support", null)));
        MenuConfig second = new MenuConfig("menu.second", List.of(new MenuOption("1", "menu.option.deeper", null, third)));
        MenuConfig top = new MenuConfig("menu.main", List.of(new MenuOption("1", "menu.option.second", null, second)));
        FlowHarness flow = new FlowHarness(FlowHarness.withMenu(ConfigLoader.loadDefault(Map.of()), top), FlowHarness.MONDAY_MORNING);
        flow.call.press("110").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of(
                "offer zh-CN menu.third menu.option.leaf menu.press digit.1 menu.agent menu.press digit.0 menu.back menu.press digit.star",
                AWAIT + "0",
                "say zh-CN transfer.connecting",
                "queue general zh-CN [1, 1, 0] -> NOT_SERVED"), flow.steps().subList(6, 10));
    }

    @Test
    void wrongKeySaysSoAndRepeatsTheLevel() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("172").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of(billingMenu("zh-CN"), AWAIT + "7", billingMenu("zh-CN").replace("zh-CN menu.billing",
                "zh-CN menu.invalid menu.billing"), AWAIT + "2", "say zh-CN transfer.connecting"), flow.steps().subList(4, 9));
        assertEquals(List.of("MenuEntered [1] 1", "DigitReceived 7", "InvalidInput [1] 7", "MenuEntered [1] 2", "DigitReceived 2"),
                flow.events().subList(3, 8));
    }

    @Test
    void thirdWrongKeyOnALevelSendsTheCallerToAnAgent() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("1778").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of(
                AWAIT + "8",
                "say zh-CN transfer.connecting",
                "queue general zh-CN [1] -> NOT_SERVED"), flow.steps().subList(9, 12));
        assertEquals(List.of("InvalidInput [1] 7", "InvalidInput [1] 7", "InvalidInput [1] 8"),
                flow.events().stream().filter(event -> event.startsWith("InvalidInput")).toList());
    }

    @Test
    void wrongKeysCountPerLevel() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("77177*2").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals("queue support zh-CN [2] -> NOT_SERVED", flow.steps().get(17));
    }

    @Test
    void silentLineRepeatsAfterFiveSecondsThenSaysGoodbyeAndHangsUpFiveSecondsLater() {
        FlowHarness flow = new FlowHarness().run();

        assertEquals(List.of(
                "@0s answer",
                "@0s " + greeting("greeting.morning"),
                "@0s " + mainMenu("zh-CN"),
                "@5s " + AWAIT + "nothing",
                "@5s " + mainMenu("zh-CN"),
                "@10s " + AWAIT + "nothing",
                "@10s say zh-CN silent.goodbye",
                "@10s clear",
                "@15s " + AWAIT + "nothing",
                "@15s hangup SILENT_LINE"), flow.call.timedSteps());
        assertEquals(List.of(
                "@0s Greeted [greeting.morning, greeting.welcome]",
                "@0s MenuEntered [] 1",
                "@5s NoInput [] REPEATED",
                "@5s MenuEntered [] 2",
                "@10s NoInput [] GOODBYE",
                "@15s Ended SILENT_LINE"), flow.timedEvents());
    }

    @Test
    void keysDuringTheGoodbyePauseDoNotSaveTheCall() {
        FlowHarness flow = new FlowHarness();
        flow.call.silence().silence().press("1");

        flow.run();

        assertEquals(List.of(
                "@10s say zh-CN silent.goodbye",
                "@10s clear",
                "@10s " + AWAIT + "1",
                "@15s " + AWAIT + "nothing",
                "@15s hangup SILENT_LINE"), flow.call.timedSteps().subList(6, 11));
    }

    @Test
    void aKeyResetsTheSilenceCount() {
        FlowHarness flow = new FlowHarness();
        flow.call.silence().press("1").silence().press("2").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of(
                "@5s NoInput [] REPEATED",
                "@10s NoInput [1] REPEATED"), flow.timedEvents().stream().filter(event -> event.contains("NoInput")).toList());
        assertEquals("@10s queue billing zh-CN [1, 2] -> NOT_SERVED", flow.call.timedSteps().get(11));
    }
}
