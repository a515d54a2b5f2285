package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Finished calls leave nothing behind: no calls, stack dialogs or transactions, media sessions. */
class SipLeakTest {

    private static final int CALLS = 100;
    private final FrontFixture fixture = new FrontFixture(Duration.ofMillis(100));

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void hundredCallsInARowLeaveNothingBehind() throws Exception {
        fixture.calls.script(c -> {
            c.answer();
            if (c.awaitDigit(Duration.ofSeconds(5)).orElse('0') == '9') {
                c.hangup(EndReason.COMPLETED);
            } else {
                c.awaitDigit(Duration.ofSeconds(5));
            }
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            for (int i = 0; i < CALLS; i++) {
                PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
                switch (i % 4) {
                    case 0 -> callerHangsUp(call);
                    case 1 -> weHangUp(call);
                    case 2 -> callerCancels(call);
                    default -> {
                        call.awaitOk();
                        call.ack(null);
                        call.info("application/dtmf", "1");
                        phone.awaitResponse(call.callId, "INFO", 200);
                        callerHangsUp(call);
                    }
                }
                fixture.events.awaitOne(call.callId, CallEvent.Ended.class);
            }
        }
        fixture.awaitNothingLeft(Duration.ofSeconds(20));
        assertEquals(0, fixture.media.sessionsInUse());
        assertEquals(0, fixture.front.activeCalls());
    }

    private static void callerHangsUp(PhoneCall call) {
        if (call.phone.received.stream().noneMatch(m -> m.callId().equals(call.callId) && m.status() == 200)) {
            call.awaitOk();
            call.ack(null);
        }
        call.bye();
        call.phone.awaitResponse(call.callId, "BYE", 200);
    }

    private static void weHangUp(PhoneCall call) {
        call.awaitOk();
        call.ack(null);
        call.info("application/dtmf", "9");
        call.phone.awaitResponse(call.callId, "INFO", 200);
        SipMessage bye = call.phone.awaitRequest(call.callId, "BYE");
        call.respond(bye, 200, "OK");
    }

    private static void callerCancels(PhoneCall call) {
        call.phone.awaitResponse(call.callId, "INVITE", 100);
        call.cancel();
        SipMessage last = call.phone.awaitFinal(call.callId, "INVITE");
        if (last.status() == 200) {
            call.established(last);
            call.ack(null);
            call.bye();
            call.phone.awaitResponse(call.callId, "BYE", 200);
        } else {
            call.ackFailure(last);
        }
    }
}
