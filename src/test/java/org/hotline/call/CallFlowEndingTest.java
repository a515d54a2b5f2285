package org.hotline.call;

import static org.hotline.call.FlowHarness.greeting;
import static org.hotline.call.FlowHarness.mainMenu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hotline.config.ConfigLoader;
import org.hotline.config.OfficeHours;
import org.hotline.config.HotlineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How calls end: queue outcomes (R9, R10, R11), greetings (R2), after hours (R19), hang-ups and failures. */
class CallFlowEndingTest {

    private static final String AWAIT = "await 5000ms -> ";

    @Test
    void servedCallerIsAskedForARatingThenThankedAndClosed() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("2").press("5");

        flow.run();

        assertEquals(List.of(
                "answer",
                greeting("greeting.morning"),
                mainMenu("zh-CN"),
                AWAIT + "2",
                "say zh-CN transfer.connecting",
                "queue support zh-CN [2] -> SERVED",
                "clear",
                "offer zh-CN survey.ask",
                AWAIT + "5",
                "say zh-CN survey.thanks closing.normal",
                "hangup COMPLETED"), flow.steps());
        assertEquals(List.of(
                "Greeted [greeting.morning, greeting.welcome]",
                "MenuEntered [] 1",
                "DigitReceived 2",
                "QueueRequested support [2]",
                "QueueLeft support SERVED",
                "DigitReceived 5",
                "SurveyAnswered support 5",
                "Ended COMPLETED"), flow.events());
    }

    @Test
    void unansweredSurveyGetsNoThanksButTheClosing() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("2");

        flow.run();

        assertEquals(List.of("offer zh-CN survey.ask", AWAIT + "nothing", "say zh-CN closing.normal", "hangup COMPLETED"),
                flow.steps().subList(7, 11));
        assertTrue(flow.events().stream().noneMatch(event -> event.startsWith("SurveyAnswered")), flow.events().toString());
    }

    @Test
    void keyOutsideOneToFiveIsNoRating() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("29");

        flow.run();

        assertEquals(List.of(AWAIT + "9", "say zh-CN closing.normal", "hangup COMPLETED"), flow.steps().subList(8, 11));
        assertTrue(flow.events().stream().noneMatch(event -> event.startsWith("SurveyAnswered")), flow.events().toString());
    }

    @Test
    void notServedCallerHearsTheTransferApologyAndTheClosing() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("2").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of("say zh-CN transfer.failed", "say zh-CN closing.normal", "hangup NOT_SERVED"),
                flow.steps().subList(6, 9));
        assertEquals(List.of("QueueLeft support NOT_SERVED", "Ended NOT_SERVED"), flow.events().subList(4, 6));
    }

    @Test
    void abandonedCallerGetsNothingMore() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("2").queueOutcome(QueueOutcome.ABANDONED);

        flow.run();

        assertEquals("queue support zh-CN [2] -> ABANDONED", flow.steps().getLast());
        assertEquals("QueueLeft support ABANDONED", flow.events().getLast(), "the front reports the end");
    }

    @Test
    void callerHangingUpMidMenuEndsTheFlowQuietly() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("1").hangUpDuring("menu.billing");

        flow.run();

        assertEquals(List.of("answer", greeting("greeting.morning"), mainMenu("zh-CN"), AWAIT + "1",
                FlowHarness.billingMenu("zh-CN")), flow.steps());
        assertEquals("MenuEntered [1] 1", flow.events().getLast(), "no Ended: the front reports the caller's hang-up");
    }

    @Test
    void unexpectedFailureStillApologisesClosesAndHangsUp() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("1").failDuring("menu.billing", new IllegalStateException("media session closed"));

        flow.run();

        assertEquals(List.of("say zh-CN fallback.sorry closing.normal", "hangup FAILURE"), flow.steps().subList(5, 7));
        assertEquals("Ended FAILURE", flow.events().getLast());
    }

    @Test
    void failureAfterALanguageSwitchApologisesInTheCallersLanguage() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("91").failDuring("menu.billing", new IllegalStateException("media session closed"));

        flow.run();

        assertEquals(List.of("say en-US fallback.sorry closing.normal", "hangup FAILURE"), flow.steps().subList(7, 9));
    }

    @Test
    void callerHangingUpDuringTheApologyIsNotHungUpAgain() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("1").failDuring("menu.billing", new IllegalStateException("boom")).hangUpDuring("fallback.sorry");

        flow.run();

        assertEquals("say zh-CN fallback.sorry closing.normal", flow.steps().getLast());
        assertTrue(flow.events().stream().noneMatch(event -> event.startsWith("Ended")), flow.events().toString());
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({
            "2026-03-09T09:00, greeting.morning, closing.normal",
            "2026-03-09T12:00, greeting.noon, closing.normal",
            "2026-03-09T14:00, greeting.afternoon, closing.normal",
            "2026-03-09T17:00, greeting.afternoon, closing.normal",
            "2026-02-17T10:00, greeting.spring-festival, closing.holiday",
            "2026-10-01T10:00, greeting.holiday, closing.holiday",
            "2026-09-25T10:00, greeting.holiday, closing.holiday",
    })
    void greetsAndClosesForTheMomentOfTheCall(String localTime, String salutation, String closing) {
        FlowHarness flow = new FlowHarness(localTime);
        flow.call.press("2").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(greeting(salutation), flow.steps().get(1));
        assertEquals(List.of("say zh-CN transfer.failed", "say zh-CN " + closing), flow.steps().subList(6, 8));
    }

    @Test
    void afterHoursCallerHearsWeAreClosedAndTheClosing() {
        FlowHarness flow = new FlowHarness(OfficeHours.config(Map.of()), "2026-03-08T10:00"); // a Sunday
        flow.call.press("2");

        flow.run();

        assertEquals(List.of(
                "answer",
                greeting("greeting.morning"),
                "say zh-CN after-hours.closed",
                "say zh-CN closing.normal",
                "hangup COMPLETED"), flow.steps());
        assertEquals(List.of("Greeted [greeting.morning, greeting.welcome]", "Ended COMPLETED"), flow.events());
    }

    @Test
    void afterHoursCallerIsForwardedToTheOnCallLine() {
        FlowHarness flow = new FlowHarness(forwarding(), "2026-03-09T20:00");
        flow.call.transferOutcome(TransferOutcome.TRANSFERRED);

        flow.run();

        assertEquals(List.of(
                "answer",
                greeting("greeting.hello"),
                "say zh-CN after-hours.closed after-hours.oncall transfer.connecting",
                "transfer sip:oncall@example.com -> TRANSFERRED",
                "hangup TRANSFERRED"), flow.steps());
        assertEquals(List.of("Greeted [greeting.hello, greeting.welcome]", "TransferAttempted sip:oncall@example.com true",
                "Ended TRANSFERRED"), flow.events());
    }

    @Test
    void failedOnCallForwardApologisesAndCloses() {
        FlowHarness flow = new FlowHarness(forwarding(), "2026-03-09T20:00");
        flow.call.transferOutcome(TransferOutcome.FAILED);

        flow.run();

        assertEquals(List.of(
                "transfer sip:oncall@example.com -> FAILED",
                "say zh-CN transfer.failed",
                "say zh-CN closing.normal",
                "hangup NOT_SERVED"), flow.steps().subList(3, 7));
        assertEquals(List.of("TransferAttempted sip:oncall@example.com false", "Ended NOT_SERVED"), flow.events().subList(1, 3));
    }

    private static HotlineConfig forwarding() {
        return OfficeHours.config(Map.of(
                "hours.afterHours.action", "FORWARD",
                "hours.afterHours.forwardUri", "sip:oncall@example.com"));
    }
}
