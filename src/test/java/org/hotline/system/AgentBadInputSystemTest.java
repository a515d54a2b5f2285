package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's bad input with real peers, each on its own server (a wrong password counts towards the
 * source lockout of 127.0.0.1): a wrong password and a replayed digest answer are challenged again
 * (401), an unknown user gets 404; an agent who answers and hangs up at once leaves the caller the
 * survey and the closing, not silence; a caller who hangs up while an agent's phone rings stops the
 * ringing and leaves the agent available. After each, no call and no RTP port is left.
 */
class AgentBadInputSystemTest {

    private static final Duration SIPP_LIMIT = Duration.ofSeconds(20);
    private static final Duration REGISTER = Duration.ofSeconds(10);
    private static final Duration OFFER = Duration.ofSeconds(15);
    /** Survey (R11) 5 s, the closing, the hang-up, with margin. */
    private static final Duration GOODBYE = Duration.ofSeconds(25);
    private static final Duration CANCEL_REACHES_AGENT = Duration.ofSeconds(2);

    @Test
    void wrongPasswordIsChallengedAgainAndTheSoftphoneNeverRegisters() {
        try (AcdUnderTest acd = AcdUnderTest.start()) {
            SippResult sipp = Sipp.scenario("uac-register-wrong-password.xml").remote(Sipp.LOOPBACK, acd.sipPort())
                    .service("1001").credentials("1001", "not-demo1001").timeout(SIPP_LIMIT).run();
            Baresip phone = acd.phone(Baresip.Options.agent("1001", "not-demo1001", acd.registrar(),
                    AgentTones.agentTone(Duration.ofSeconds(30))));
            BaresipEvent failure = phone.awaitRegisterFailure(REGISTER);

            sipp.assertPassed();
            assertTrue(failure.param().startsWith("401") || failure.param().startsWith("403"),
                    "refused with a challenge (or, after repeated failures, the lockout's 403): " + failure);
            assertTrue(phone.events().stream().noneMatch(e -> e.type().equals("REGISTER_OK")), phone.events().toString());
            acd.assertNothingLeft();
        }
    }

    @Test
    void replayedDigestAnswerIsChallengedAgain() {
        try (AcdUnderTest acd = AcdUnderTest.start()) {
            SippResult registered = Sipp.scenario("uac-register.xml").remote(Sipp.LOOPBACK, acd.sipPort())
                    .service("1001").credentials("1001", AcdUnderTest.DEMO_PASSWORDS.get("1001")).timeout(SIPP_LIMIT).run()
                    .assertPassed();
            String accepted = registered.messages().stream()
                    .filter(m -> m.direction() == SipTraceMessage.Direction.SENT && m.isRequest("REGISTER"))
                    .flatMap(m -> m.header("Authorization").stream()).findFirst()
                    .orElseThrow(() -> new AssertionError("no Authorization sent:\n" + registered.summary()));

            Sipp.scenario("uac-register-replayed.xml").remote(Sipp.LOOPBACK, acd.sipPort()).service("1001")
                    .key("authorization", accepted).timeout(SIPP_LIMIT).run().assertPassed();
        }
    }

    @Test
    void unknownUserIsRefusedWith404() {
        try (AcdUnderTest acd = AcdUnderTest.start()) {
            Sipp.scenario("uac-register-unknown.xml").remote(Sipp.LOOPBACK, acd.sipPort()).service("9999")
                    .timeout(SIPP_LIMIT).run().assertPassed();
            Baresip phone = acd.phone(Baresip.Options.agent("9999", "whatever", acd.registrar(),
                    AgentTones.agentTone(Duration.ofSeconds(30))));
            BaresipEvent failure = phone.awaitRegisterFailure(REGISTER);

            assertTrue(failure.param().startsWith("404"), "an unknown user is not challenged but refused: " + failure);
        }
    }

    @Test
    void agentWhoAnswersAndHangsUpAtOnceLeavesTheCallerTheSurveyAndTheClosing() {
        try (AcdUnderTest acd = AcdUnderTest.start()) {
            Baresip agent = acd.registeredAgent("1001", AgentTones.agentTone(Duration.ofSeconds(60)));
            acd.logInOverHttp("1001");
            Baresip caller = acd.caller(AgentTones.callerTone(Duration.ofSeconds(100)));
            acd.callAndPressAgentKey(caller);
            BaresipEvent offered = agent.awaitIncoming(OFFER);
            agent.awaitCallEvent(offered.callId(), "CALL_ESTABLISHED", OFFER);
            agent.hangup();
            Baresip.CallRecording heard = caller.recording(GOODBYE);

            AudioMatch.Match survey = AudioMatch.assertContains(heard.audio(), HotlinePrompts.zhCn("survey.ask"), AudioMatch.DEFAULT_MIN_SCORE);
            AudioMatch.Match closing = AudioMatch.assertContains(heard.audio(), AcdUnderTest.lastPrompt("closing.normal"),
                    AudioMatch.DEFAULT_MIN_SCORE);
            assertTrue(survey.end().compareTo(closing.offset()) <= 0, "rule R11 then R10: " + survey + ", " + closing);
            assertTrue(heard.closedByPeer(), "Hotline hangs up after the closing: " + heard.closeReason());
            acd.assertNothingLeft();
        }
    }

    @Test
    void callerWhoHangsUpWhileOfferedStopsTheAgentsPhoneAndLeavesTheAgentAvailable() {
        try (AcdUnderTest acd = AcdUnderTest.start()) {
            Baresip agent = acd.registeredAgentNotAnswering("1001", AgentTones.agentTone(Duration.ofSeconds(60)));
            acd.logInOverHttp("1001");
            Baresip caller = acd.caller(AgentTones.callerTone(Duration.ofSeconds(60)));
            acd.callAndPressAgentKey(caller);
            BaresipEvent ringing = agent.awaitEvent("CALL_INCOMING", OFFER);
            caller.hangup();
            BaresipEvent hungUp = caller.awaitEvent("CALL_CLOSED", OFFER);
            BaresipEvent stopped = agent.awaitCallEvent(ringing.callId(), "CALL_CLOSED", OFFER);

            Duration ringingAfterHangUp = Duration.between(hungUp.receivedAt(), stopped.receivedAt());
            assertTrue(ringingAfterHangUp.compareTo(CANCEL_REACHES_AGENT) < 0, "the agent's phone rang on for " + ringingAfterHangUp);
            assertTrue(agent.events().stream().noneMatch(e -> e.type().equals("CALL_ESTABLISHED")), agent.events().toString());
            acd.api().awaitAgent("1001", HotlineApi.has("status", "AVAILABLE").and(HotlineApi.has("state", "IDLE")),
                    Duration.ofSeconds(5), "available and idle again (an abandon is no missed offer)");
            acd.assertNothingLeft();
        }
    }
}
