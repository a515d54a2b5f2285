package org.hotline.sip;

import static org.hotline.sip.AgentsFixture.AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentLeg.LegEvent;
import org.hotline.call.AgentOffer;
import org.hotline.call.CallControl;
import org.hotline.sip.AgentsFixture.Caller;
import org.hotline.sip.AgentsFixture.RecordingOffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Offers however they end leave nothing behind: no calls, agent legs, dialogs, transactions, media. */
class AgentLeakTest {

    private static final int OFFERS = 40;
    private final AgentsFixture fixture = new AgentsFixture();
    /** "scenario:agent Call-ID" per offer, to name the one that leaked. */
    private final List<String> trace = new ArrayList<>();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void fortyOffersEndingEveryWayLeaveNothingBehind() throws Exception {
        try (SipTestPhone callerPhone = fixture.front.udpPhone(); AgentPhone agent = fixture.registeredAgent()) {
            for (int i = 0; i < OFFERS; i++) {
                Caller caller = fixture.connectedCaller(callerPhone);
                RecordingOffer listener = new RecordingOffer();
                AgentOffer offer = caller.control().offerAgent(AGENT, listener);
                AgentPhone.Incoming invite = agent.awaitInvite();
                trace.add(i % 5 + ":" + invite.callId);
                invite.ring();
                switch (i % 5) {
                    case 0 -> agentHangsUp(invite, listener);
                    case 1 -> callerHangsUpWhileBridged(caller, invite, listener);
                    case 2 -> {
                        offer.cancel();
                        invite.acceptCancel();
                    }
                    case 3 -> {
                        invite.refuse(486, "Busy Here");
                        invite.awaitRequest("ACK");
                        listener.awaitFailure();
                    }
                    default -> callerHangsUpWhileRinging(caller, invite);
                }
                if (i % 5 != 1 && i % 5 != 4) {
                    caller.call().bye();
                    callerPhone.awaitResponse(caller.call().callId, "BYE", 200);
                }
            }
        }
        try {
            fixture.awaitNothingLeft();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " " + trace, e);
        }
        assertEquals(0, fixture.front.media.sessionsInUse());
        assertEquals(0, fixture.front.front.activeAgentLegs());
    }

    private static void agentHangsUp(AgentPhone.Incoming invite, RecordingOffer listener) throws Exception {
        invite.answer();
        invite.awaitRequest("ACK");
        AgentLeg leg = listener.awaitLeg();
        leg.relay(true);
        invite.bye();
        assertEquals(LegEvent.HUNG_UP, leg.awaitEvent(AgentsFixture.WAIT));
        leg.hangup();
    }

    private static void callerHangsUpWhileBridged(Caller caller, AgentPhone.Incoming invite, RecordingOffer listener)
            throws Exception {
        invite.answer();
        invite.awaitRequest("ACK");
        listener.awaitLeg().relay(true);
        caller.call().bye();
        caller.call().phone.awaitResponse(caller.call().callId, "BYE", 200);
        invite.respond(invite.awaitRequest("BYE"), 200, "OK", null);
    }

    /** The caller's end cancels the offer (no ACD needed). */
    private static void callerHangsUpWhileRinging(Caller caller, AgentPhone.Incoming invite) {
        CallControl control = caller.control();
        caller.call().bye();
        caller.call().phone.awaitResponse(control.info().callId(), "BYE", 200);
        invite.acceptCancel();
    }
}
