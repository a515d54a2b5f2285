package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.junit.jupiter.api.Test;

/**
 * A call behind Asterisk runs the same call flow and ACD as a standalone one: Asterisk's side is
 * replayed from transcripts (src/test/resources/agi) over real loopback sockets, the FastAGI
 * sessions of the caller and the agent and the AMI connection.
 */
class AgiCallTest {

    static final String CALL_ID = "1773106200.1";
    private static final Duration TIMEOUT = AsteriskSite.TIMEOUT;

    @Test
    void servesACallFromGreetingThroughMenuQueueAgentAndSurveyToClosing() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            makeAgentAvailable(site);
            CompletableFuture<AgiTranscript> agent = answerOriginateAsAgent(site);

            CompletableFuture<AgiTranscript> caller = site.play(AsteriskSite.transcript("caller-full-call.agi", Map.of()));
            site.signals.await("bridged", TIMEOUT);
            Map<String, String> hold = Map.of("Channel", "PJSIP/1001-00000002", "Uniqueid", CALL_ID + "-1001-1",
                    "Linkedid", CALL_ID);
            site.ami.push("hold", hold);
            site.events.awaitOne(CALL_ID, CallEvent.HeldByAgent.class, TIMEOUT);
            site.ami.push("unhold", hold);
            site.events.awaitOne(CALL_ID, CallEvent.ResumedByAgent.class, TIMEOUT);
            site.signals.signal("talk-over");

            caller.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            agent.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            CallEvent.Ended ended = site.events.awaitOne(CALL_ID, CallEvent.Ended.class, TIMEOUT);
            assertEquals(EndReason.COMPLETED, ended.reason());
            assertEquals("1001", site.events.awaitOne(CALL_ID, CallEvent.AgentConnected.class, TIMEOUT).agent());
            assertEquals(4, site.events.awaitOne(CALL_ID, CallEvent.SurveyAnswered.class, TIMEOUT).score());
            assertEquals(1, site.events.of(CALL_ID, CallEvent.Ended.class).size());
            Map<String, String> originate = site.ami.awaitAction("Originate", 1, TIMEOUT);
            assertEquals("PJSIP/1001", originate.get("Channel"));
            assertEquals("hotline-agent", originate.get("Context"));
            assertEquals(CALL_ID + "-1001-1", originate.get("ChannelId"));
            CallEvents.waitUntil(() -> site.hotline.liveCallFlows() == 0, TIMEOUT, "the call flow to end");
        }
    }

    @Test
    void putsAnAfterHoursCallerThroughToTheOnCallLineByDial() throws Exception {
        Map<String, String> closedOnTuesdays = Map.of("hours.alwaysOpen", "false",
                "hours.weekly", "[{days: [SATURDAY], from: '09:00', to: '12:00'}]",
                "hours.afterHours.action", "FORWARD", "hours.afterHours.forwardUri", "sip:oncall@example.com");
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered", closedOnTuesdays)) {
            site.play(AsteriskSite.transcript("caller-after-hours-forward.agi", Map.of()))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            assertTrue(site.events.awaitOne(CALL_ID, CallEvent.TransferAttempted.class, TIMEOUT).succeeded());
            assertEquals(EndReason.TRANSFERRED, site.events.awaitOne(CALL_ID, CallEvent.Ended.class, TIMEOUT).reason());
        }
    }

    static void makeAgentAvailable(AsteriskSite site) throws Exception {
        site.play(AsteriskSite.transcript("feature-ready.agi", Map.of())).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        site.awaitAgents("\"workNumber\":\"1001\"");
        CallEvents.waitUntil(() -> {
            try {
                String agents = site.agents().replace(" ", "");
                return agents.contains("\"status\":\"AVAILABLE\"") && agents.contains("\"reachable\":true");
            } catch (Exception e) {
                return false;
            }
        }, TIMEOUT, "agent 1001 available and reachable");
    }

    /** When Hotline's Originate arrives, agent 1001 answers: its FastAGI session opens. */
    static CompletableFuture<AgiTranscript> answerOriginateAsAgent(AsteriskSite site) {
        CompletableFuture<AgiTranscript> agent = new CompletableFuture<>();
        site.ami.onAction("Originate", action -> {
            site.signals.signal("originated");
            site.play(AsteriskSite.transcript("agent-answers.agi", Map.of("CHANNEL_ID", action.get("ChannelId"))))
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            agent.completeExceptionally(failure);
                        } else {
                            agent.complete(done);
                        }
                    });
        });
        return agent;
    }

}
