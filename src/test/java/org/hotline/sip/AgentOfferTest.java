package org.hotline.sip;

import static org.hotline.sip.AgentsFixture.AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentOffer;
import org.hotline.sip.AgentsFixture.Caller;
import org.hotline.sip.AgentsFixture.RecordingOffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The B2BUA's offers: our INVITEs to an agent's registered contacts, forked, answered, cancelled. */
class AgentOfferTest {

    private final AgentsFixture fixture = new AgentsFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anOfferRingsTheContactTheAgentRegisteredWithDigest() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            assertEquals(List.of("reachable " + AGENT), fixture.registrations);
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            AgentOffer offer = caller.control().offerAgent(AGENT, listener);
            assertEquals(AGENT, offer.workNumber());

            AgentPhone.Incoming invite = agent.awaitInvite();
            assertTrue(invite.invite.startLine().startsWith("INVITE " + agent.contact() + " "), invite.invite.startLine());
            assertTrue(invite.invite.header("From").orElseThrow().matches("\"Caller\" <sip:13800138000@127\\.0\\.0\\.1>;tag=.+"),
                    invite.invite.header("From").orElseThrow());
            assertTrue(invite.invite.header("To").orElseThrow().startsWith("<sip:1001@127.0.0.1>"));
            assertNotEquals(caller.call().callId, invite.callId);
            FakeMediaSession agentMedia = fixture.agentMedia(caller);
            assertTrue(invite.invite.body().contains("m=audio " + agentMedia.localPort() + " RTP/AVP 0 8 101"),
                    invite.invite.body());
            invite.ring();
            invite.answer();
            invite.awaitRequest("ACK");

            AgentLeg leg = listener.awaitLeg();
            assertEquals(AGENT, leg.workNumber());
            assertEquals(7000, agentMedia.connects.get(0).address().getPort());
            assertEquals(1, listener.outcomes.get());
            assertEquals(1, fixture.front.front.activeAgentLegs());

            leg.hangup();
            invite.respond(invite.awaitRequest("BYE"), 200, "OK", null);
            leg.hangup();
            assertTrue(agentMedia.isClosed());
            caller.call().bye();
            callerPhone.awaitResponse(caller.call().callId, "BYE", 200);
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void anAgentRegisteredOverTcpIsOfferedTheCallOnItsConnection() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone();
                AgentPhone agent = new AgentPhone(fixture.front.tcpPhone(), AGENT)) {
            assertEquals(200, agent.register(AgentsFixture.PASSWORD, 300).status());
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            caller.control().offerAgent(AGENT, listener);
            AgentPhone.Incoming invite = agent.awaitInvite();
            assertTrue(invite.invite.header("Via").orElseThrow().startsWith("SIP/2.0/TCP"));
            invite.answer();
            invite.awaitRequest("ACK");
            AgentLeg leg = listener.awaitLeg();
            leg.hangup();
            invite.respond(invite.awaitRequest("BYE"), 200, "OK", null);
            caller.call().bye();
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void aRetransmittedTwoHundredIsAckedAgainAndReportedOnce() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            caller.control().offerAgent(AGENT, listener);
            AgentPhone.Incoming invite = agent.awaitInvite();
            invite.answer();
            invite.awaitRequest("ACK");
            listener.awaitLeg();
            invite.answer();
            invite.awaitRepeatedAck();
            assertEquals(1, listener.outcomes.get());
            caller.call().bye();
            invite.respond(invite.awaitRequest("BYE"), 200, "OK", null);
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void bothContactsRingTheFirstAnswerWinsAndTheOtherIsCancelled() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone desk = fixture.registeredAgent();
                AgentPhone mobile = fixture.registeredAgent()) {
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            caller.control().offerAgent(AGENT, listener);
            AgentPhone.Incoming deskInvite = desk.awaitInvite();
            AgentPhone.Incoming mobileInvite = mobile.awaitInvite();
            assertNotEquals(deskInvite.callId, mobileInvite.callId);
            deskInvite.ring();
            mobileInvite.ring();

            mobileInvite.answer();
            mobileInvite.awaitRequest("ACK");
            deskInvite.acceptCancel();

            AgentLeg leg = listener.awaitLeg();
            assertEquals(1, listener.outcomes.get());
            assertTrue(desk.phone.staysQuiet(m -> m.method().equals("BYE"), Duration.ofMillis(300)));
            caller.call().bye();
            mobileInvite.respond(mobileInvite.awaitRequest("BYE"), 200, "OK", null);
            assertEquals(AGENT, leg.workNumber());
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void aTwoHundredThatRacesTheCancelIsAckedAndByed() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone desk = fixture.registeredAgent();
                AgentPhone mobile = fixture.registeredAgent()) {
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            caller.control().offerAgent(AGENT, listener);
            AgentPhone.Incoming deskInvite = desk.awaitInvite();
            AgentPhone.Incoming mobileInvite = mobile.awaitInvite();
            deskInvite.ring();
            mobileInvite.ring();
            mobileInvite.answer();
            listener.awaitLeg();

            SipMessage cancel = deskInvite.awaitRequest("CANCEL");
            deskInvite.answer();
            deskInvite.respond(cancel, 200, "OK", null);
            deskInvite.awaitRequest("ACK");
            deskInvite.respond(deskInvite.awaitRequest("BYE"), 200, "OK", null);

            assertEquals(1, listener.outcomes.get());
            RecordingEvents.waitUntil(() -> fixture.front.front.activeAgentLegs() == 1, AgentsFixture.WAIT,
                    "only the answered leg left");
            caller.call().bye();
            mobileInvite.respond(mobileInvite.awaitRequest("BYE"), 200, "OK", null);
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void anOfferToAnUnregisteredAgentFailsAtOnce() {
        try (SipTestPhone callerPhone = fixture.front.udpPhone()) {
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            caller.control().offerAgent(AgentsFixture.OTHER_AGENT, listener);
            assertEquals("not registered", listener.failed.getNow("still ringing"));
            assertEquals(1, fixture.front.media.sessionsInUse(), "only the caller's media session");
            caller.call().bye();
            fixture.awaitNothingLeft();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void cancelBeforeAnyProvisionalWaitsForOneThenCancels() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            AgentOffer offer = caller.control().offerAgent(AGENT, listener);
            AgentPhone.Incoming invite = agent.awaitInvite();
            offer.cancel();
            assertTrue(agent.phone.staysQuiet(m -> m.method().equals("CANCEL"), Duration.ofMillis(300)),
                    "RFC 3261 §9.1: no CANCEL before a provisional response");
            invite.ring();
            invite.acceptCancel();
            caller.call().bye();
            fixture.awaitNothingLeft();
            assertEquals(0, listener.outcomes.get(), "a cancelled offer reports nothing");
        }
    }

    @Test
    void cancelWhileRingingSendsCancelAndNeverReportsAnswered() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            AgentOffer offer = caller.control().offerAgent(AGENT, listener);
            AgentPhone.Incoming invite = agent.awaitInvite();
            invite.ring();
            offer.cancel();
            SipMessage cancel = invite.awaitRequest("CANCEL");
            invite.answer();
            invite.respond(cancel, 200, "OK", null);
            invite.awaitRequest("ACK");
            invite.respond(invite.awaitRequest("BYE"), 200, "OK", null);
            caller.call().bye();
            fixture.awaitNothingLeft();
            assertEquals(0, listener.outcomes.get(), "an answer after our CANCEL is never reported");
        }
    }

    @Test
    void aBusyAgentFailsTheOfferWithTheReason() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            caller.control().offerAgent(AGENT, listener);
            AgentPhone.Incoming invite = agent.awaitInvite();
            invite.refuse(486, "Busy Here");
            invite.awaitRequest("ACK");
            assertEquals("486 Busy Here", listener.awaitFailure());
            assertFalse(listener.answered.isDone());
            caller.call().bye();
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void aDeclineOnOnePhoneFailsTheOfferAndCancelsTheOther() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone desk = fixture.registeredAgent();
                AgentPhone mobile = fixture.registeredAgent()) {
            Caller caller = fixture.connectedCaller(callerPhone);
            RecordingOffer listener = new RecordingOffer();
            caller.control().offerAgent(AGENT, listener);
            AgentPhone.Incoming deskInvite = desk.awaitInvite();
            AgentPhone.Incoming mobileInvite = mobile.awaitInvite();
            deskInvite.ring();
            mobileInvite.refuse(603, "Decline");
            assertEquals("603 Decline", listener.awaitFailure());
            deskInvite.acceptCancel();
            caller.call().bye();
            fixture.awaitNothingLeft();
            assertEquals(1, listener.outcomes.get());
        }
    }
}
