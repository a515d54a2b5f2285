package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hotline.call.EndReason;
import org.hotline.call.UnstaffedQueueGateway;
import org.hotline.config.ServiceConfig;
import org.hotline.config.SipConfig;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;
import org.junit.jupiter.api.Test;

class SipFrontLifecycleTest {

    private static SipFront.Wiring wiring(Duration ringDelay, List<String> transports) {
        SipConfig sip = new SipConfig("127.0.0.1", 5060, transports, null, ringDelay, 4);
        ServiceConfig service = new ServiceConfig(List.of("95588"), "zh-CN", List.of("zh-CN"), ZoneId.of("UTC"));
        return new SipFront.Wiring(sip, service, new FakeMediaEngine(), new FakePrompts(), new UnstaffedQueueGateway(),
                call -> { }, CallEventListener.NONE, Clock.systemUTC());
    }

    @Test
    void refusesARingDelayBeyondThreeRings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wiring(SipConfig.THREE_RING_LIMIT.plusMillis(1), List.of("udp")));
        assertTrue(e.getMessage().contains("R1"), e.getMessage());
        assertEquals(SipConfig.THREE_RING_LIMIT, wiring(SipConfig.THREE_RING_LIMIT, List.of("udp")).sip().ringDelay());
    }

    @Test
    void refusesUnknownTransports() {
        assertThrows(IllegalArgumentException.class, () -> wiring(Duration.ZERO, List.of("udp", "sctp")));
        assertThrows(IllegalArgumentException.class, () -> wiring(Duration.ZERO, List.of()));
    }

    @Test
    void closeSaysByeToActiveCallsAndEndsEachOnce() throws Exception {
        FrontFixture fixture = new FrontFixture(Duration.ZERO);
        fixture.calls.script(c -> {
            c.answer();
            c.awaitDigit(Duration.ofSeconds(30));
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            call.awaitOk();
            call.ack(null);
            RecordingEvents.waitUntil(() -> fixture.front.activeCalls() == 1, SipTestPhone.WAIT, "call active");
            Thread closer = Thread.ofVirtual().start(fixture::close);
            SipMessage bye = phone.awaitRequest(call.callId, "BYE");
            call.respond(bye, 200, "OK");
            closer.join(Duration.ofSeconds(10));
            assertEquals(EndReason.FAILURE, fixture.events.awaitOne(call.callId, CallEvent.Ended.class).reason());
            assertEquals(1, fixture.events.ofType(call.callId, CallEvent.Ended.class).size());
            assertEquals(0, fixture.front.activeCalls());
            assertEquals(0, fixture.media.sessionsInUse());
            fixture.calls.awaitFinished(call.callId);
        }
    }

    @Test
    void cannotStartTwice() {
        try (FrontFixture fixture = new FrontFixture(Duration.ZERO)) {
            assertThrows(IllegalStateException.class, fixture.front::start);
        }
    }
}
