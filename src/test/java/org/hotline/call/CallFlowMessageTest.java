package org.hotline.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.config.OfficeHours;
import org.junit.jupiter.api.Test;

/** Where the flow offers a message (rules R9, R19, R20) and how a callback ends the call (rule R12). */
class CallFlowMessageTest {

    /** Records each offer; leaves a message when told to. */
    private static final class Offers implements MessageTaking {
        final List<String> offered = new ArrayList<>();
        private final boolean leave;

        Offers(boolean leave) {
            this.leave = leave;
        }

        @Override
        public boolean offer(CallControl call, String language, Reason reason, String queue) {
            offered.add(reason + " " + queue + " " + language);
            return leave;
        }
    }

    @Test
    void aCallerTheQueueCannotServeHearsTheApologyThenMayLeaveAMessage() {
        Offers offers = new Offers(true);
        FlowHarness flow = new FlowHarness().messages(offers);
        flow.call.press("2").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals(List.of("NOT_SERVED support zh-CN"), offers.offered);
        assertEquals(List.of("say zh-CN transfer.failed", "say zh-CN closing.normal", "hangup MESSAGE_LEFT"),
                flow.steps().subList(6, 9));
    }

    @Test
    void aCallerWhoLeavesNoMessageGetsTheClosingAsBefore() {
        Offers offers = new Offers(false);
        FlowHarness flow = new FlowHarness().messages(offers);
        flow.call.press("2").queueOutcome(QueueOutcome.NOT_SERVED);

        flow.run();

        assertEquals("hangup NOT_SERVED", flow.steps().getLast());
        assertEquals(List.of("QueueLeft support NOT_SERVED", "Ended NOT_SERVED"), flow.events().subList(4, 6));
    }

    @Test
    void whenTheAcdCannotTakeTheCallTheCallerStillGetsTheMessageOptionAndTheGoodbye() {
        Offers offers = new Offers(false);
        FlowHarness flow = new FlowHarness().messages(offers);
        flow.call.press("2").queueFails(new IllegalStateException("the ACD did not place the call"));

        flow.run();

        assertEquals(List.of("ACD_UNAVAILABLE support zh-CN"), offers.offered);
        assertEquals(List.of("say zh-CN transfer.failed", "say zh-CN closing.normal", "hangup NOT_SERVED"),
                flow.steps().subList(flow.steps().size() - 3, flow.steps().size()));
    }

    @Test
    void afterHoursTheCallerMayLeaveAMessageAfterHearingWeAreClosed() {
        Offers offers = new Offers(true);
        FlowHarness flow = new FlowHarness(OfficeHours.config(Map.of()), "2026-03-08T10:00").messages(offers); // a Sunday

        flow.run();

        assertEquals(List.of("AFTER_HOURS null zh-CN"), offers.offered);
        assertEquals(List.of("say zh-CN after-hours.closed", "say zh-CN closing.normal", "hangup MESSAGE_LEFT"),
                flow.steps().subList(2, 5));
    }

    @Test
    void aCallerWhoAskedForACallbackHearsTheClosingAndIsHungUpOn() {
        FlowHarness flow = new FlowHarness();
        flow.call.press("2").queueOutcome(QueueOutcome.CALLBACK);

        flow.run();

        assertEquals(List.of("say zh-CN closing.normal", "hangup CALLBACK"), flow.steps().subList(6, 8));
        assertEquals(List.of("QueueLeft support CALLBACK", "Ended CALLBACK"), flow.events().subList(4, 6));
    }
}
