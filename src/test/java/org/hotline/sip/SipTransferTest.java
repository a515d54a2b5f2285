package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.call.EndReason;
import org.hotline.call.TransferOutcome;
import org.hotline.event.CallEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Blind transfer by REFER (RFC 3515); the test phone plays the transferee. */
class SipTransferTest {

    private static final String TARGET = "sip:8001@127.0.0.1:5099";
    private final FrontFixture fixture = new FrontFixture(Duration.ZERO);
    private final List<TransferOutcome> outcomes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private PhoneCall connectedCallThatTransfers(SipTestPhone phone, EndReason afterFailure) {
        fixture.calls.script(c -> {
            c.answer();
            TransferOutcome outcome = c.transfer(TARGET);
            outcomes.add(outcome);
            if (outcome == TransferOutcome.FAILED) {
                c.awaitDigit(Duration.ofSeconds(5));
                c.hangup(afterFailure);
            }
        });
        PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
        call.awaitOk();
        call.ack(null);
        return call;
    }

    @Test
    void transferSucceedsOnTwoHundredSipfragAndLeavesTheCall() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = connectedCallThatTransfers(phone, EndReason.COMPLETED);
            SipMessage refer = phone.awaitRequest(call.callId, "REFER");
            assertEquals("<" + TARGET + ">", refer.header("Refer-To").orElseThrow());
            call.respond(refer, 202, "Accepted");
            call.notifySipfrag("SIP/2.0 100 Trying", false);
            phone.awaitResponse(call.callId, "NOTIFY", 200);
            call.notifySipfrag("SIP/2.0 200 OK", true);
            phone.awaitResponse(call.callId, "NOTIFY", 200);
            SipMessage bye = phone.awaitRequest(call.callId, "BYE");
            call.respond(bye, 200, "OK");
            fixture.calls.awaitFinished(call.callId);
            assertEquals(List.of(TransferOutcome.TRANSFERRED), outcomes);
            assertEquals(EndReason.TRANSFERRED, fixture.events.awaitOne(call.callId, CallEvent.Ended.class).reason());
            assertTrue(fixture.events.awaitOne(call.callId, CallEvent.TransferAttempted.class).succeeded());
        }
    }

    @Test
    void refusedReferFailsAndKeepsTheCallerConnected() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = connectedCallThatTransfers(phone, EndReason.NOT_SERVED);
            SipMessage refer = phone.awaitRequest(call.callId, "REFER");
            call.respond(refer, 403, "Forbidden");
            RecordingEvents.waitUntil(() -> !outcomes.isEmpty(), SipTestPhone.WAIT, "transfer outcome");
            assertEquals(List.of(TransferOutcome.FAILED), outcomes);
            assertEquals(1, fixture.front.activeCalls(), "caller still connected");
            call.info("application/dtmf", "1");
            phone.awaitResponse(call.callId, "INFO", 200);
            SipMessage bye = phone.awaitRequest(call.callId, "BYE");
            call.respond(bye, 200, "OK");
            assertEquals(EndReason.NOT_SERVED, fixture.events.awaitOne(call.callId, CallEvent.Ended.class).reason());
            assertFalse(fixture.events.awaitOne(call.callId, CallEvent.TransferAttempted.class).succeeded());
        }
    }

    @Test
    void busySipfragFailsTheTransfer() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = connectedCallThatTransfers(phone, EndReason.NOT_SERVED);
            SipMessage refer = phone.awaitRequest(call.callId, "REFER");
            call.respond(refer, 202, "Accepted");
            call.notifySipfrag("SIP/2.0 486 Busy Here", true);
            phone.awaitResponse(call.callId, "NOTIFY", 200);
            RecordingEvents.waitUntil(() -> !outcomes.isEmpty(), SipTestPhone.WAIT, "transfer outcome");
            assertEquals(List.of(TransferOutcome.FAILED), outcomes);
            assertEquals(1, fixture.front.activeCalls(), "caller still connected");
            call.bye();
            phone.awaitResponse(call.callId, "BYE", 200);
        }
    }

    @Test
    void transferWithoutNotifyTimesOutAsFailed() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = connectedCallThatTransfers(phone, EndReason.NOT_SERVED);
            SipMessage refer = phone.awaitRequest(call.callId, "REFER");
            call.respond(refer, 202, "Accepted");
            RecordingEvents.waitUntil(() -> !outcomes.isEmpty(), SipTestPhone.WAIT, "transfer outcome");
            assertEquals(List.of(TransferOutcome.FAILED), outcomes);
            call.bye();
            phone.awaitResponse(call.callId, "BYE", 200);
        }
    }
}
