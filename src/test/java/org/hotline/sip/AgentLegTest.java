package org.hotline.sip;

import static org.hotline.sip.AgentsFixture.AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentLeg.LegEvent;
import org.hotline.call.Announcement;
import org.hotline.call.CallHungUpException;
import org.hotline.sip.AgentsFixture.Caller;
import org.hotline.sip.AgentsFixture.RecordingOffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The answered agent leg: relay, whisper, the agent's hold, transfer and hang-up, the caller's hang-up. */
class AgentLegTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(10);
    private final AgentsFixture fixture = new AgentsFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** A caller bridged to a registered agent's phone. */
    private record Bridge(Caller caller, AgentPhone.Incoming agent, AgentLeg leg, FakeMediaSession agentMedia) {
    }

    private Bridge bridge(SipTestPhone callerPhone, AgentPhone agentPhone) throws Exception {
        Caller caller = fixture.connectedCaller(callerPhone);
        RecordingOffer listener = new RecordingOffer();
        caller.control().offerAgent(AGENT, listener);
        AgentPhone.Incoming invite = agentPhone.awaitInvite();
        invite.answer();
        invite.awaitRequest("ACK");
        return new Bridge(caller, invite, listener.awaitLeg(), fixture.agentMedia(caller));
    }

    @Test
    void anAgentsByeIsHungUpAndClosesTheAgentMedia() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Bridge bridge = bridge(callerPhone, agent);
            bridge.leg().relay(true);
            bridge.agent().bye();
            bridge.agent().awaitResponse("BYE", 200);

            assertEquals(LegEvent.HUNG_UP, bridge.leg().awaitEvent(EVENT_WAIT));
            assertEquals(LegEvent.HUNG_UP, bridge.leg().awaitEvent(Duration.ZERO), "the end stays visible");
            assertTrue(bridge.agentMedia().isClosed());
            assertNull(bridge.caller().media().relaySource(), "nothing relayed from a closed session");
            bridge.leg().hangup();
            assertTrue(agent.phone.staysQuiet(m -> m.method().equals("BYE"), Duration.ofMillis(200)));
            bridge.caller().call().bye();
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void opensTheAgentsMediaNearTheCallersSoRelayingStaysOnOneEventLoop() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Bridge bridge = bridge(callerPhone, agent);

            assertSame(bridge.caller().media(), fixture.front.media.openedNear(bridge.agentMedia()));
            bridge.caller().call().bye();
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void theBridgeListenerHearsOfTheBridgeWhenConfirmedAndOfItsEnd() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Bridge bridge = bridge(callerPhone, agent);
            String callId = bridge.caller().call().callId;
            assertEquals(List.of(new BridgeLog.Entry("bridged", callId, bridge.caller().media(), bridge.agentMedia())),
                    fixture.front.bridges.entries(), "recording can tap both sides before the ACD connects them");

            bridge.agent().bye();
            bridge.agent().awaitResponse("BYE", 200);
            assertEquals(LegEvent.HUNG_UP, bridge.leg().awaitEvent(EVENT_WAIT));

            assertEquals(new BridgeLog.Entry("unbridged", callId, null, bridge.agentMedia()),
                    fixture.front.bridges.entries().getLast());
            assertEquals(2, fixture.front.bridges.entries().size());
            bridge.caller().call().bye();
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void anAgentWhoAnswersAndHangsUpAtOnceLeavesAnEndedLeg() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            caller.control().offerAgent(AGENT, listener);
            AgentPhone.Incoming invite = agent.awaitInvite();
            invite.answer();
            invite.awaitRequest("ACK");
            invite.bye();
            invite.awaitResponse("BYE", 200);
            AgentLeg leg = listener.awaitLeg();
            assertEquals(LegEvent.HUNG_UP, leg.awaitEvent(EVENT_WAIT));
            leg.relay(true);
            assertNull(caller.media().relaySource(), "no relay from an ended leg");
            leg.hangup();
            caller.call().bye();
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void relayConnectsBothSessionsBothWays() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Bridge bridge = bridge(callerPhone, agent);
            bridge.leg().relay(true);
            assertSame(bridge.agentMedia(), bridge.caller().media().relaySource());
            assertSame(bridge.caller().media(), bridge.agentMedia().relaySource());
            bridge.leg().relay(false);
            assertNull(bridge.caller().media().relaySource());
            assertNull(bridge.agentMedia().relaySource());
            assertEquals(LegEvent.TIMEOUT, bridge.leg().awaitEvent(Duration.ofMillis(50)));
            bridge.caller().call().bye();
            bridge.agent().respond(bridge.agent().awaitRequest("BYE"), 200, "OK", null);
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void aWhisperPlaysToTheAgentOnly() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Bridge bridge = bridge(callerPhone, agent);
            bridge.leg().whisper(Announcement.of("zh-CN", "queue.name.billing"));
            assertEquals(List.of(List.of("queue.name.billing")), bridge.agentMedia().plays);
            assertTrue(bridge.caller().media().plays.isEmpty());
            bridge.caller().call().bye();
            bridge.agent().respond(bridge.agent().awaitRequest("BYE"), 200, "OK", null);
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void theAgentHoldsWithSendonlyAndResumesWithSendrecv() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Bridge bridge = bridge(callerPhone, agent);
            bridge.leg().relay(true);

            bridge.agent().reInvite(PhoneCall.sdp("sendonly", 0, 101));
            SipMessage held = bridge.agent().awaitResponse("INVITE", 200);
            bridge.agent().ackReInvite();
            assertTrue(held.body().contains("a=recvonly"), held.body());
            assertEquals(LegEvent.HELD, bridge.leg().awaitEvent(EVENT_WAIT));
            assertNull(bridge.caller().media().relaySource(), "the caller hears music, not the held agent");
            assertFalse(bridge.agentMedia().isSending());

            bridge.agent().reInvite(PhoneCall.sdp("inactive", 0, 101));
            SipMessage inactive = bridge.agent().awaitResponse("INVITE", 200);
            bridge.agent().ackReInvite();
            assertTrue(inactive.body().contains("a=inactive"), inactive.body());

            bridge.agent().reInvite(PhoneCall.sdp("sendrecv", 0, 101));
            SipMessage resumed = bridge.agent().awaitResponse("INVITE", 200);
            bridge.agent().ackReInvite();
            assertTrue(resumed.body().contains("a=sendrecv"), resumed.body());
            assertEquals(LegEvent.RESUMED, bridge.leg().awaitEvent(EVENT_WAIT));
            assertSame(bridge.agentMedia(), bridge.caller().media().relaySource());
            assertTrue(bridge.agentMedia().isSending());

            bridge.caller().call().bye();
            bridge.agent().respond(bridge.agent().awaitRequest("BYE"), 200, "OK", null);
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void theAgentsReferRequestsATransferAnsweredWithNotifies() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Bridge bridge = bridge(callerPhone, agent);
            bridge.agent().refer("sip:billing@127.0.0.1");
            bridge.agent().awaitResponse("REFER", 202);
            SipMessage trying = bridge.agent().awaitRequest("NOTIFY");
            bridge.agent().respond(trying, 200, "OK", null);
            assertEquals("SIP/2.0 100 Trying", trying.body().strip());
            assertTrue(trying.header("Event").orElseThrow().startsWith("refer"), trying.header("Event").orElseThrow());
            assertTrue(trying.header("Subscription-State").orElseThrow().startsWith("active"));
            assertTrue(trying.header("Content-Type").orElseThrow().startsWith("message/sipfrag"));

            assertEquals(LegEvent.TRANSFER_REQUESTED, bridge.leg().awaitEvent(EVENT_WAIT));
            assertEquals(Optional.of("billing"), bridge.leg().transferTarget());

            bridge.leg().hangup();
            SipMessage done = bridge.agent().awaitRequest("NOTIFY");
            assertEquals("SIP/2.0 200 OK", done.body().strip());
            assertTrue(done.header("Subscription-State").orElseThrow().startsWith("terminated"));
            assertTrue(agent.phone.staysQuiet(m -> m.method().equals("BYE"), Duration.ofMillis(200)),
                    "the BYE waits for the final NOTIFY's answer");
            bridge.agent().respond(done, 200, "OK", null);
            bridge.agent().respond(bridge.agent().awaitRequest("BYE"), 200, "OK", null);
            bridge.caller().call().bye();
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void anAgentThatHangsUpOnTheFinalNotifyGetsNoByeFromUs() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Bridge bridge = bridge(callerPhone, agent);
            bridge.agent().refer("sip:1002@127.0.0.1");
            bridge.agent().respond(bridge.agent().awaitRequest("NOTIFY"), 200, "OK", null);
            assertEquals(LegEvent.TRANSFER_REQUESTED, bridge.leg().awaitEvent(EVENT_WAIT));
            assertEquals(Optional.of("1002"), bridge.leg().transferTarget());
            bridge.leg().hangup();
            SipMessage done = bridge.agent().awaitRequest("NOTIFY");
            bridge.agent().bye();
            bridge.agent().awaitResponse("BYE", 200);
            bridge.agent().respond(done, 200, "OK", null);
            assertTrue(agent.phone.staysQuiet(m -> m.method().equals("BYE"), Duration.ofMillis(300)));
            bridge.caller().call().bye();
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void theCallerHangingUpWhileBridgedByesTheAgentAndUnblocksTheWait() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Bridge bridge = bridge(callerPhone, agent);
            bridge.leg().relay(true);
            CompletableFuture<Throwable> waiting = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    waiting.complete(new AssertionError("returned " + bridge.leg().awaitEvent(Duration.ofMinutes(1))));
                } catch (Throwable t) {
                    waiting.complete(t);
                }
            });
            bridge.caller().call().bye();
            callerPhone.awaitResponse(bridge.caller().call().callId, "BYE", 200);
            bridge.agent().respond(bridge.agent().awaitRequest("BYE"), 200, "OK", null);
            assertInstanceOf(CallHungUpException.class, waiting.get(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS));
            bridge.leg().hangup();
            assertTrue(bridge.agentMedia().isClosed());
            fixture.awaitNothingLeft();
        }
    }
}
