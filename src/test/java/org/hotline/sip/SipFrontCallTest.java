package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.call.CallHungUpException;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.hotline.media.Codec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipFrontCallTest {

    private static final Duration RING_DELAY = Duration.ofMillis(600);
    private final FrontFixture fixture = new FrontFixture(RING_DELAY);

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void answersWithTryingRingingThenOkAfterTheRingDelay() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            SipMessage trying = phone.awaitResponse(call.callId, "INVITE", 100);
            SipMessage ringing = phone.awaitResponse(call.callId, "INVITE", 180);
            Instant ringingAt = Instant.now();
            SipMessage ok = call.awaitOk();
            Duration ring = Duration.between(ringingAt, Instant.now());
            List<SipMessage> inviteResponses = phone.received.stream()
                    .filter(m -> m.isResponse() && m.callId().equals(call.callId)).toList();
            assertEquals(List.of(100, 180, 200), inviteResponses.stream().map(SipMessage::status).toList());
            assertTrue(ring.compareTo(RING_DELAY.minusMillis(100)) >= 0, "200 came after " + ring);
            assertTrue(ring.compareTo(RING_DELAY.plusMillis(400)) <= 0, "200 came after " + ring);
            assertFalse(trying.toTag().isPresent(), "100 Trying carries no To tag");
            assertEquals(ringing.toTag(), ok.toTag());
            assertTrue(ok.body().contains("m=audio 40000 RTP/AVP 0 101"), ok.body());
            assertEquals("application/sdp", ok.header("Content-Type").orElseThrow());
            call.ack(null);
            CallEvent.Offered offered = fixture.events.awaitOne(call.callId, CallEvent.Offered.class);
            CallEvent.Answered answered = fixture.events.awaitOne(call.callId, CallEvent.Answered.class);
            Duration measured = Duration.between(offered.at(), answered.at());
            assertTrue(measured.compareTo(RING_DELAY) >= 0 && measured.compareTo(RING_DELAY.plusMillis(300)) <= 0,
                    "Offered to Answered " + measured);
            FakeMediaSession media = fixture.media.session(call.callId);
            assertEquals(Codec.PCMU, media.connects.get(0).codec());
            assertEquals(101, media.connects.get(0).telephoneEventPayloadType());
            assertEquals(6000, media.connects.get(0).address().getPort());
            assertEquals("13800138000", offered.caller());
            assertEquals(FrontFixture.NUMBER, offered.dialledNumber());
        }
    }

    @Test
    void byeFromCallerEndsTheCallAndUnblocksTheFlow() throws Exception {
        fixture.calls.script(c -> {
            c.answer();
            c.awaitDigit(Duration.ofSeconds(30));
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            call.awaitOk();
            call.ack(null);
            call.bye();
            phone.awaitResponse(call.callId, "BYE", 200);
            CallEvent.Ended ended = fixture.events.awaitOne(call.callId, CallEvent.Ended.class);
            assertEquals(EndReason.CALLER_HANGUP, ended.reason());
            fixture.calls.awaitFinished(call.callId);
            assertInstanceOf(CallHungUpException.class, fixture.calls.failures.get(call.callId));
            assertTrue(fixture.media.session(call.callId).isClosed());
            assertEquals(1, fixture.events.ofType(call.callId, CallEvent.Ended.class).size());
        }
    }
}
