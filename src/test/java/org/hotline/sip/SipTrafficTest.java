package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The front reports every request and response it receives or sends itself to its traffic listener (issue 5). */
class SipTrafficTest {

    private final FrontFixture fixture = new FrontFixture(Duration.ofMillis(100));

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aCallWeHangUpIsCountedRequestByRequestAndResponseByResponse() throws Exception {
        fixture.calls.script(c -> {
            c.answer();
            c.hangup(EndReason.COMPLETED);
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            call.awaitOk();
            call.ack(null);
            SipMessage bye = phone.awaitRequest(call.callId, "BYE");
            call.respond(bye, 200, "OK");
            fixture.events.awaitOne(call.callId, CallEvent.Ended.class);
            fixture.calls.awaitFinished(call.callId);
            awaitLines(7);

            // the ACK and our BYE cross on the wire: compare without order
            assertEquals(sorted(List.of("in INVITE", "out 100 INVITE", "out 180 INVITE", "out 200 INVITE", "in ACK",
                    "out BYE", "in 200 BYE")), sorted(fixture.traffic.lines));
            assertEquals(List.of("in INVITE", "out 100 INVITE", "out 180 INVITE", "out 200 INVITE"),
                    fixture.traffic.lines.subList(0, 4));
        }
    }

    @Test
    void anUnknownNumberIsCountedWithIts404() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, "999").invite(PhoneCall.SDP_OFFER);
            assertEquals(404, phone.awaitFinal(call.callId, "INVITE").status());
            awaitLines(3);

            assertEquals(List.of("in INVITE", "out 100 INVITE", "out 404 INVITE"), fixture.traffic.lines);
        }
    }

    /** The listener is told after the stack sent or delivered the message: wait for it, briefly. */
    private void awaitLines(int count) {
        RecordingEvents.waitUntil(() -> fixture.traffic.lines.size() >= count, SipTestPhone.WAIT,
                count + " messages counted: " + fixture.traffic.lines);
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
