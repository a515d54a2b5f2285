package org.hotline.acd.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.acd.AgentRules;
import org.hotline.acd.AgentState;
import org.hotline.acd.AgentStatus;
import org.hotline.call.AgentLeg.LegEvent;
import org.hotline.call.CallHungUpException;
import org.hotline.call.QueueOutcome;
import org.junit.jupiter.api.Test;

/**
 * A caller through the ACD as wired in the server (gateway, driver, engine on the demo
 * configuration), against a fake front and a fake clock: what the caller hears and when, which
 * agents ring, and how the caller leaves.
 */
class AcdQueueGatewayTest {

    private static final String MUSIC = "music zh-CN music.hold";
    private static final String PLEASE_HOLD = "announce zh-CN queue.please-hold";
    private static final String INTRO_1001 = "agent.work-number.before digit.1 digit.0 digit.0 digit.1 agent.work-number.after";

    private final AcdFixture acd = new AcdFixture();

    @Test
    void waitingCallerHearsMusicThenRuleR7At45SecondsAndEveryMinuteFromEntry() {
        FakeCallControl first = acd.call("first");
        FakeCallControl second = acd.call("second");
        acd.enqueue(first, "general");
        first.awaitStep(MUSIC);
        acd.advance(Duration.ofSeconds(5));
        acd.enqueue(second, "general");
        second.awaitStep(MUSIC);

        acd.advance(Duration.ofSeconds(40));
        first.awaitStep(PLEASE_HOLD);
        acd.advance(Duration.ofSeconds(5));
        first.awaitSteps(MUSIC, 2);
        second.awaitStep("announce zh-CN queue.please-hold queue.position.before num.1 queue.position.after");
        second.awaitSteps(MUSIC, 2);
        acd.advance(Duration.ofSeconds(55));
        first.awaitSteps(PLEASE_HOLD, 2);

        assertEquals(List.of("@0s " + MUSIC, "@45s " + PLEASE_HOLD, "@45s " + MUSIC, "@105s " + PLEASE_HOLD, "@105s " + MUSIC),
                first.steps());
        assertEquals(List.of("@5s " + MUSIC,
                "@50s announce zh-CN queue.please-hold queue.position.before num.1 queue.position.after", "@50s " + MUSIC),
                second.steps());
        assertEquals(List.of("@0s QueueEntered general 1", "@45s WaitAnnounced general 1 Optional.empty",
                "@105s WaitAnnounced general 1 Optional.empty"), acd.callEvents("first"));
    }

    @Test
    void answeredCallerIsThankedForWaitingHearsTheWorkNumberThenTalks() {
        FakeCallControl call = acd.call("c1");
        CompletableFuture<QueueOutcome> outcome = acd.enqueue(call, "general");
        call.awaitStep(MUSIC);
        acd.advance(Duration.ofSeconds(20));
        acd.status("1001", AgentStatus.AVAILABLE);
        FakeCallControl.FakeOffer offer = call.offer("1001");
        acd.advance(Duration.ofSeconds(2));
        FakeAgentLeg leg = offer.answer();
        call.awaitStep("relay 1001 on");
        leg.send(LegEvent.HUNG_UP);

        assertEquals(QueueOutcome.SERVED, AcdFixture.outcome(outcome));
        assertEquals(List.of("@0s " + MUSIC, "@20s offer 1001",
                "@22s whisper 1001 zh-CN queue.name.general", // the agent hears the queue first
                "@22s say zh-CN wait.thanks " + INTRO_1001, // rules R8, R3: before the agent speaks
                "@22s relay 1001 on"), call.steps());
        assertEquals(AgentState.WRAP_UP, acd.agent("1001").state());
        assertEquals(List.of("@0s QueueEntered general 1", "@20s AgentOffered general [1001]",
                "@22s AgentConnected general 1001 22s", "@22s AgentCallEnded 1001 AGENT 0s"), acd.callEvents("c1"));
    }

    @Test
    void callerAnsweredWithinThreeRingsIsNotThankedForWaiting() {
        acd.login("1001");
        FakeCallControl call = acd.call("c1");
        acd.enqueue(call, "general");
        acd.advance(Duration.ofSeconds(3));
        call.offer("1001").answer();

        call.awaitStep("say zh-CN " + INTRO_1001);
    }

    @Test
    void agentHoldPlaysMusicAndRuleR7HoldAnnouncementAt45SecondsThenEveryInterval() {
        acd.login("1001");
        FakeCallControl call = acd.call("c1");
        CompletableFuture<QueueOutcome> outcome = acd.enqueue(call, "general");
        FakeAgentLeg leg = call.offer("1001").answer();
        call.awaitStep("relay 1001 on");
        acd.advance(Duration.ofSeconds(9));

        leg.send(LegEvent.HELD);
        leg.awaitBlocked();
        acd.advance(Duration.ofSeconds(44));
        leg.awaitBlocked();
        acd.advance(Duration.ofSeconds(1));
        call.awaitStep("announce zh-CN hold.still-checking");
        leg.awaitBlocked();
        acd.advance(Duration.ofSeconds(60));
        call.awaitSteps("announce zh-CN hold.still-checking", 2);
        leg.awaitBlocked();
        acd.advance(Duration.ofSeconds(30));
        leg.send(LegEvent.RESUMED);
        leg.awaitBlocked();
        acd.advance(Duration.ofSeconds(60));
        leg.send(LegEvent.HUNG_UP);

        assertEquals(QueueOutcome.SERVED, AcdFixture.outcome(outcome));
        assertEquals(List.of("@1s offer 1001", "@1s whisper 1001 zh-CN queue.name.general", "@1s say zh-CN " + INTRO_1001,
                "@1s relay 1001 on",
                "@10s relay 1001 off", "@10s " + MUSIC,
                "@55s announce zh-CN hold.still-checking", "@55s " + MUSIC, // 45 s after the hold began
                "@115s announce zh-CN hold.still-checking", "@115s " + MUSIC, // every 60 s from the hold's start
                "@145s relay 1001 on"), call.steps().subList(1, call.steps().size()));
        assertEquals(List.of("@1s QueueEntered general 1", "@1s AgentOffered general [1001]", "@1s AgentConnected general 1001 0s",
                "@10s HeldByAgent 1001", "@55s HoldAnnounced 1001 45s", "@115s HoldAnnounced 1001 105s",
                "@145s ResumedByAgent 1001", "@205s AgentCallEnded 1001 AGENT 204s"), acd.callEvents("c1"));
    }

    @Test
    void callerHangingUpWhileWaitingIsAnAbandonWithItsWait() {
        FakeCallControl call = acd.call("c1");
        CompletableFuture<QueueOutcome> outcome = acd.enqueue(call, "general");
        call.awaitStep(MUSIC);
        acd.advance(Duration.ofSeconds(30));
        call.hangUp();

        assertInstanceOf(CallHungUpException.class, AcdFixture.failure(outcome));
        assertEquals(List.of("@0s QueueEntered general 1", "@30s QueueAbandoned general 30s"), acd.callEvents("c1"));
    }

    @Test
    void callerHangingUpWhileOfferedCancelsTheOffer() {
        acd.login("1001");
        FakeCallControl call = acd.call("c1");
        CompletableFuture<QueueOutcome> outcome = acd.enqueue(call, "general");
        call.offer("1001");
        acd.advance(Duration.ofSeconds(4));
        call.hangUp();

        assertInstanceOf(CallHungUpException.class, AcdFixture.failure(outcome));
        call.awaitStep("cancel 1001");
        assertEquals(AgentState.IDLE, acd.agent("1001").state());
        assertEquals(AgentStatus.AVAILABLE, acd.agent("1001").status());
        assertEquals(List.of("@1s QueueEntered general 1", "@1s AgentOffered general [1001]",
                "@5s QueueAbandoned general 4s offered"), acd.callEvents("c1"));
    }

    @Test
    void agentWhoDoesNotAnswerWithinTenSecondsIsSkippedAndSetNotReady() {
        acd.login("1001", "1002");
        FakeCallControl call = acd.call("c1");
        CompletableFuture<QueueOutcome> outcome = acd.enqueue(call, "general");
        call.offer("1001");
        acd.advance(Duration.ofSeconds(10)); // rule R1: three rings

        call.awaitStep("cancel 1001");
        call.offer("1002").answer().send(LegEvent.HUNG_UP);

        assertEquals(QueueOutcome.SERVED, AcdFixture.outcome(outcome));
        assertEquals(AgentStatus.NOT_READY, acd.agent("1001").status());
        assertEquals(AgentRules.NO_ANSWER_REASON, acd.agent("1001").statusReason());
        assertEquals(List.of("@2s QueueEntered general 1", "@2s AgentOffered general [1001]", "@12s AgentNoAnswer 1001",
                "@12s AgentOffered general [1002]", "@12s AgentConnected general 1002 10s",
                "@12s AgentCallEnded 1002 AGENT 0s"), acd.callEvents("c1"));
    }

    @Test
    void lateAnswerAfterTheCallerWasReofferedIsHungUp() {
        acd.login("1001", "1002");
        FakeCallControl call = acd.call("c1");
        acd.enqueue(call, "general");
        FakeCallControl.FakeOffer first = call.offer("1001");
        acd.advance(Duration.ofSeconds(10));
        call.offer("1002");

        first.answer();

        call.awaitStep("hangup leg 1001");
        assertEquals(AgentState.OFFERED, acd.agent("1002").state());
    }

    @Test
    void ringAllConnectsTheFirstAnswerAndCancelsTheOthers() {
        AcdFixture acd = new AcdFixture(Map.of("agents.members[0].queues.support", "0")); // both at level 0
        acd.login("1001", "1002");
        FakeCallControl call = acd.call("c1");
        CompletableFuture<QueueOutcome> outcome = acd.enqueue(call, "support");
        FakeCallControl.FakeOffer other = call.offer("1001");
        FakeAgentLeg leg = call.offer("1002").answer();
        call.awaitStep("relay 1002 on");
        other.answer(); // too late: never a second connect

        call.awaitStep("hangup leg 1001");
        leg.send(LegEvent.HUNG_UP);
        assertEquals(QueueOutcome.SERVED, AcdFixture.outcome(outcome));
        assertTrue(call.steps().contains("@2s cancel 1001"), call.steps().toString());
    }

    @Test
    void queueThatFailsWithoutAgentsReturnsNotServedAtOnce() {
        AcdFixture failing = new AcdFixture(Map.of("queues[0].whenNoAgents", "fail"));
        FakeCallControl call = failing.call("c1");

        assertEquals(QueueOutcome.NOT_SERVED, AcdFixture.outcome(failing.enqueue(call, "general")));
        assertEquals(List.of("@0s QueueEntered general 1", "@0s QueueNotServed general NO_AGENT_LOGGED_IN"),
                failing.callEvents("c1"));
    }

    @Test
    void maximumWaitWithoutOverflowIsNotServed() {
        FakeCallControl call = acd.call("c1");
        CompletableFuture<QueueOutcome> outcome = acd.enqueue(call, "general");
        call.awaitStep(MUSIC);
        acd.advance(Duration.ofMinutes(5));

        assertEquals(QueueOutcome.NOT_SERVED, AcdFixture.outcome(outcome));
        assertTrue(acd.callEvents("c1").contains("@300s QueueNotServed general MAX_WAIT_REACHED"), acd.callEvents("c1").toString());
    }

    @Test
    void overflowSaysTheTransferPhraseAndKeepsWaitingInTheTargetQueue() {
        FakeCallControl call = acd.call("c1");
        acd.enqueue(call, "billing");
        call.awaitStep(MUSIC);
        acd.advance(Duration.ofMinutes(3));
        call.awaitStep("announce zh-CN transfer.connecting"); // rule R9
        acd.login("1002");

        call.offer("1002");
        assertTrue(acd.callEvents("c1").contains("@180s QueueOverflowed billing general"), acd.callEvents("c1").toString());
    }

    @Test
    void agentTransferToAQueueSaysRuleR9PhraseAndRequeuesTheCaller() {
        acd.login("1001", "1002");
        FakeCallControl call = acd.call("c1");
        CompletableFuture<QueueOutcome> outcome = acd.enqueue(call, "general");
        FakeAgentLeg first = call.offer("1001").answer();
        call.awaitStep("relay 1001 on");
        acd.advance(Duration.ofSeconds(30));

        first.transferTo("billing");
        call.awaitStep("say zh-CN transfer.connecting");
        call.offer("1002").answer().send(LegEvent.HUNG_UP); // 1001 is in wrap-up; 1002 serves billing too

        assertEquals(QueueOutcome.SERVED, AcdFixture.outcome(outcome));
        int hangup = call.awaitStep("hangup leg 1001");
        assertTrue(hangup < call.awaitStep("say zh-CN transfer.connecting"), call.steps().toString());
        assertEquals(List.of("@2s QueueEntered general 1", "@2s AgentOffered general [1001]",
                "@2s AgentConnected general 1001 0s", "@32s AgentCallEnded 1001 AGENT 30s",
                "@32s TransferredByAgent 1001 billing billing", "@32s QueueEntered billing 1",
                "@32s AgentOffered billing [1002]", "@32s AgentConnected billing 1002 0s",
                "@32s AgentCallEnded 1002 AGENT 0s"), acd.callEvents("c1"));
    }

    @Test
    void callerHangingUpWhileTalkingEndsTheAgentLegAndStartsWrapUp() {
        acd.login("1001");
        FakeCallControl call = acd.call("c1");
        CompletableFuture<QueueOutcome> outcome = acd.enqueue(call, "general");
        FakeAgentLeg leg = call.offer("1001").answer();
        call.awaitStep("relay 1001 on");
        leg.awaitBlocked();
        acd.advance(Duration.ofSeconds(40));
        call.hangUp();

        assertInstanceOf(CallHungUpException.class, AcdFixture.failure(outcome));
        call.awaitStep("hangup leg 1001");
        assertEquals(AgentState.WRAP_UP, acd.agent("1001").state());
        assertTrue(acd.callEvents("c1").contains("@41s AgentCallEnded 1001 CALLER 40s"), acd.callEvents("c1").toString());
    }
}
