package org.hotline.acd.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.acd.CallbackTicket;
import org.hotline.call.AgentLeg.LegEvent;
import org.hotline.call.OutboundCall.DialResult;
import org.hotline.event.CallEvent;
import org.junit.jupiter.api.Test;

/**
 * A callback placed by its runner (rule R12) against the real engine on a test clock and a scripted
 * trunk: the agent is connected first and hears who is called back; a busy customer sends the
 * callback back to its place and the agent hears so; after the minimum interval the next attempt
 * reaches the customer, who is introduced and talks to the agent; the callback then ends COMPLETED.
 */
class CallbackRunnerTest {

    private static final String NUMBER = "13900000000";
    private static final String WHISPER = "whisper 1001 zh-CN callback.whisper digit.1 digit.3 digit.9 digit.0 digit.0"
            + " digit.0 digit.0 digit.0 digit.0 digit.0 digit.0 callback.dialling";

    @Test
    void aBusyCustomerIsCalledAgainAfterTheMinimumIntervalAndTheAgentIsAlwaysConnectedFirst() {
        AcdFixture acd = new AcdFixture(Map.of("trunk.enabled", "true", "trunk.proxy.host", "127.0.0.1"));
        FakeOutboundRoute trunk = new FakeOutboundRoute(acd.clock, DialResult.BUSY, DialResult.ANSWERED);
        AcdQueueGateway.Context context = new AcdQueueGateway.Context(acd.driver,
                AcdConfigMapping.directory(acd.config), "zh-CN", acd.clock, acd.callEvents::add, trunk,
                CallbackSettings.DEFAULTS);
        FakeCallControl caller = acd.call("c1");
        acd.enqueue(caller, "general");
        CallerMailbox mailbox = acd.driver.open(CallbackTicket.idFor("c1"));
        CallbackTicket ticket = acd.driver.requestCallback("c1", NUMBER).join().orElseThrow();
        caller.hangUp();
        CallbackRunner.start(context, new CallbackRunner.Request(ticket.callbackId(), "c1", "general", NUMBER, "zh-CN"),
                mailbox);

        acd.login("1001");
        acd.advance(Duration.ofSeconds(30)); // callback.initialDelay
        FakeOutboundRoute.Dialled busy = trunk.awaitCall(0);
        busy.call.offer("1001").answer();
        busy.call.awaitStep("hangup NOT_SERVED");
        acd.awaitCallEvent(ticket.callbackId(), CallEvent.AgentCallEnded.class); // the engine took the failed attempt
        acd.executor.awaitIdle();

        acd.advance(Duration.ofMinutes(2)); // callback.minInterval
        FakeOutboundRoute.Dialled answered = trunk.awaitCall(1);
        FakeAgentLeg leg = answered.call.offer("1001").answer();
        answered.call.awaitStep("relay 1001 on");
        leg.send(LegEvent.HUNG_UP);
        answered.call.awaitStep("hangup COMPLETED");

        assertEquals(List.of("offer 1001", WHISPER, "dial " + NUMBER + " -> BUSY",
                "whisper 1001 zh-CN callback.no-answer", "hangup leg 1001", "hangup NOT_SERVED"), withoutTimes(busy));
        List<String> steps = withoutTimes(answered);
        assertEquals(List.of("offer 1001", WHISPER, "dial " + NUMBER + " -> ANSWERED", "say zh-CN callback.intro"),
                steps.subList(0, 4));
        assertTrue(steps.get(4).startsWith("say zh-CN wait.thanks agent.work-number.before"), steps.toString());
        assertEquals(List.of("relay 1001 on", "say zh-CN closing.normal", "hangup COMPLETED"), steps.subList(5, 8));
        awaitFinished(acd, ticket.callbackId());
        List<String> callbackEvents = acd.callEvents.stream().filter(e -> e.callId().equals(ticket.callbackId()))
                .map(e -> switch (e) {
                    case CallEvent.CallbackAttempted a -> "attempt " + a.attempt() + " " + a.result();
                    case CallEvent.CallbackFinished f -> "finished " + f.outcome() + " after " + f.attempts();
                    default -> e.getClass().getSimpleName();
                })
                .filter(line -> line.startsWith("attempt") || line.startsWith("finished") || line.equals("Offered")
                        || line.equals("Ended"))
                .toList();
        assertEquals(List.of("Offered", "attempt 1 BUSY", "attempt 2 ANSWERED", "finished COMPLETED after 2", "Ended"),
                callbackEvents);
    }

    private static List<String> withoutTimes(FakeOutboundRoute.Dialled call) {
        return call.call.steps().stream().map(step -> step.replaceFirst("^@\\d+s ", "")).toList();
    }

    private static void awaitFinished(AcdFixture acd, String callbackId) {
        acd.awaitCallEvent(callbackId, CallEvent.Ended.class);
    }
}
