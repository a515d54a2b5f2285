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

    @Test
    void hangupFromUsSendsByeAndEmitsOneEnded() throws Exception {
        fixture.calls.script(c -> {
            c.answer();
            c.hangup(EndReason.COMPLETED);
            c.hangup(EndReason.FAILURE);
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            call.awaitOk();
            call.ack(null);
            SipMessage bye = phone.awaitRequest(call.callId, "BYE");
            call.respond(bye, 200, "OK");
            fixture.calls.awaitFinished(call.callId);
            assertEquals(EndReason.COMPLETED, fixture.events.awaitOne(call.callId, CallEvent.Ended.class).reason());
            RecordingEvents.waitUntil(() -> fixture.front.activeCalls() == 0, SipTestPhone.WAIT, "call removed");
            assertEquals(1, fixture.events.ofType(call.callId, CallEvent.Ended.class).size());
            assertTrue(fixture.media.session(call.callId).isClosed());
        }
    }

    @Test
    void cancelWhileRingingGets487AndAnswerThrows() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            phone.awaitResponse(call.callId, "INVITE", 180);
            call.cancel();
            phone.awaitResponse(call.callId, "CANCEL", 200);
            SipMessage terminated = phone.awaitFinal(call.callId, "INVITE");
            assertEquals(487, terminated.status());
            assertEquals(EndReason.CANCELLED, fixture.events.awaitOne(call.callId, CallEvent.Ended.class).reason());
            fixture.calls.awaitFinished(call.callId);
            assertInstanceOf(CallHungUpException.class, fixture.calls.failures.get(call.callId));
            assertTrue(fixture.events.ofType(call.callId, CallEvent.Answered.class).isEmpty());
            assertTrue(fixture.media.session(call.callId).isClosed());
        }
    }

    @Test
    void answersOptionsWith200() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall probe = new PhoneCall(phone, FrontFixture.NUMBER);
            phone.send(probe.request("OPTIONS", "sip:" + FrontFixture.NUMBER + "@127.0.0.1:" + fixture.port,
                    PhoneCall.branch(), "1 OPTIONS", null, null, ""));
            SipMessage ok = phone.awaitFinal(probe.callId, "OPTIONS");
            assertEquals(200, ok.status());
            assertTrue(ok.header("Allow").orElseThrow().contains("INVITE"));
        }
    }

    @Test
    void reInviteHoldsAndResumesWithMatchingSdpAnswers() throws Exception {
        fixture.calls.script(c -> {
            c.answer();
            c.awaitDigit(Duration.ofSeconds(30));
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            String first = call.awaitOk().body();
            call.ack(null);
            FakeMediaSession media = fixture.media.session(call.callId);
            RecordingEvents.waitUntil(() -> !media.connects.isEmpty(), SipTestPhone.WAIT, "media connected");

            call.reInvite(PhoneCall.sdp("sendonly", 0, 101));
            SipMessage hold = call.awaitOk();
            call.ack(null);
            assertTrue(hold.body().contains("a=recvonly"), hold.body());
            assertFalse(media.isSending());

            call.reInvite(PhoneCall.sdp("inactive", 0, 101));
            SipMessage inactive = call.awaitOk();
            call.ack(null);
            assertTrue(inactive.body().contains("a=inactive"), inactive.body());
            assertFalse(media.isSending());

            call.reInvite(PhoneCall.sdp("sendrecv", 8, 101));
            SipMessage resume = call.awaitOk();
            call.ack(null);
            assertTrue(resume.body().contains("a=sendrecv"), resume.body());
            assertTrue(resume.body().contains("m=audio 40000 RTP/AVP 8 101"), resume.body());
            assertTrue(media.isSending());
            assertEquals(Codec.PCMA, media.connects.get(media.connects.size() - 1).codec());
            assertTrue(first.contains("o=hotline ") && resume.body().contains(" 4 IN IP4 127.0.0.1"),
                    "o= version grows with each new SDP: " + resume.body());
            call.bye();
            phone.awaitResponse(call.callId, "BYE", 200);
        }
    }

    @Test
    void infoAndRfc4733DigitsReachAwaitDigitInOrder() throws Exception {
        List<Character> digits = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.calls.script(c -> {
            c.answer();
            for (int i = 0; i < 4; i++) {
                c.awaitDigit(Duration.ofSeconds(5)).ifPresent(digits::add);
            }
            c.hangup(EndReason.COMPLETED);
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            call.awaitOk();
            call.ack(null);
            call.info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");
            phone.awaitResponse(call.callId, "INFO", 200);
            call.info("application/dtmf", "#");
            phone.awaitResponse(call.callId, "INFO", 200);
            call.info("application/dtmf-relay", "Signal=10\r\nDuration=160\r\n");
            phone.awaitResponse(call.callId, "INFO", 200);
            fixture.media.session(call.callId).pressDigit('7');
            SipMessage bye = phone.awaitRequest(call.callId, "BYE");
            call.respond(bye, 200, "OK");
            fixture.calls.awaitFinished(call.callId);
            assertEquals(List.of('5', '#', '*', '7'), digits);
        }
    }

    @Test
    void bargeInPlaybackStopsAtTheFirstDigitAndKeepsIt() throws Exception {
        List<Object> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.calls.script(c -> {
            c.answer();
            results.add(c.play(org.hotline.call.Announcement.interruptible("zh-CN",
                    java.util.Collections.nCopies(50, "menu.main"))));
            results.add(c.awaitDigit(Duration.ofSeconds(1)).orElse('?'));
            results.add(c.play(org.hotline.call.Announcement.of("zh-CN", "goodbye")));
            c.hangup(EndReason.COMPLETED);
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            call.awaitOk();
            call.ack(null);
            FakeMediaSession media = fixture.media.session(call.callId);
            RecordingEvents.waitUntil(() -> !media.plays.isEmpty(), SipTestPhone.WAIT, "playback started");
            Instant pressed = Instant.now();
            call.info("application/dtmf", "3");
            SipMessage bye = phone.awaitRequest(call.callId, "BYE");
            call.respond(bye, 200, "OK");
            fixture.calls.awaitFinished(call.callId);
            assertTrue(Duration.between(pressed, Instant.now()).toMillis() < 5000, "10 s of prompts were cut short");
            assertEquals(List.of(org.hotline.call.PlaybackResult.INTERRUPTED_BY_DIGIT, '3',
                    org.hotline.call.PlaybackResult.COMPLETED), results);
        }
    }

    @Test
    void unknownNumberGets404() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, "110").invite(PhoneCall.SDP_OFFER);
            assertEquals(404, phone.awaitFinal(call.callId, "INVITE").status());
            assertTrue(fixture.events.of(call.callId).isEmpty());
            assertEquals(0, fixture.media.sessionsInUse());
        }
    }

    @Test
    void offerWithoutCommonCodecGets488WithWarning() throws Exception {
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.sdp("sendrecv", 18, 101));
            SipMessage rejected = phone.awaitFinal(call.callId, "INVITE");
            assertEquals(488, rejected.status());
            assertTrue(rejected.header("Warning").orElseThrow().startsWith("305 127.0.0.1"),
                    rejected.header("Warning").orElseThrow());
            assertEquals(0, fixture.media.sessionsInUse());
        }
    }

    @Test
    void exhaustedRtpPortsGive503WithRetryAfter() throws Exception {
        fixture.media.limitTo(0);
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            SipMessage busy = phone.awaitFinal(call.callId, "INVITE");
            assertEquals(503, busy.status());
            assertTrue(busy.header("Retry-After").isPresent());
        }
    }

    @Test
    void delayedOfferGetsOurOfferIn200AndTakesTheAnswerFromTheAck() throws Exception {
        fixture.calls.script(c -> {
            c.answer();
            c.awaitDigit(Duration.ofSeconds(30));
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(null);
            SipMessage ok = call.awaitOk();
            assertTrue(ok.body().contains("m=audio 40000 RTP/AVP 0 8 101"), ok.body());
            call.ack(PhoneCall.sdp("sendrecv", 8, 101));
            FakeMediaSession media = fixture.media.session(call.callId);
            RecordingEvents.waitUntil(() -> !media.connects.isEmpty(), SipTestPhone.WAIT, "media connected");
            assertEquals(Codec.PCMA, media.connects.get(0).codec());
            assertEquals(101, media.connects.get(0).telephoneEventPayloadType());
            call.bye();
            phone.awaitResponse(call.callId, "BYE", 200);
            assertEquals(EndReason.CALLER_HANGUP, fixture.events.awaitOne(call.callId, CallEvent.Ended.class).reason());
        }
    }

    @Test
    void worksOverTcp() throws Exception {
        fixture.calls.script(c -> {
            c.answer();
            c.awaitDigit(Duration.ofSeconds(5));
            c.hangup(EndReason.COMPLETED);
        });
        try (SipTestPhone phone = fixture.tcpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            phone.awaitResponse(call.callId, "INVITE", 180);
            SipMessage ok = call.awaitOk();
            assertTrue(ok.contactUri().orElseThrow().contains("transport=tcp"), ok.contactUri().orElseThrow());
            call.ack(null);
            call.info("application/dtmf-relay", "Signal=1\r\nDuration=100\r\n");
            phone.awaitResponse(call.callId, "INFO", 200);
            SipMessage bye = phone.awaitRequest(call.callId, "BYE");
            call.respond(bye, 200, "OK");
            assertEquals(EndReason.COMPLETED, fixture.events.awaitOne(call.callId, CallEvent.Ended.class).reason());
        }
    }

    @Test
    void reInviteWithoutSdpGetsOurOfferAndTheAckCarriesTheAnswer() throws Exception {
        fixture.calls.script(c -> {
            c.answer();
            c.awaitDigit(Duration.ofSeconds(30));
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            call.awaitOk();
            call.ack(null);
            call.reInvite(null);
            SipMessage offer = call.awaitOk();
            assertTrue(offer.body().contains("m=audio 40000 RTP/AVP 0 8 101"), offer.body());
            call.ack(PhoneCall.sdp("sendonly", 8, 101));
            FakeMediaSession media = fixture.media.session(call.callId);
            RecordingEvents.waitUntil(() -> !media.isSending(), SipTestPhone.WAIT, "held by the answer in the ACK");
            assertEquals(Codec.PCMA, media.connects.get(media.connects.size() - 1).codec());
            call.bye();
            phone.awaitResponse(call.callId, "BYE", 200);
        }
    }

    @Test
    void handToQueueDelegatesToTheQueueGateway() throws Exception {
        List<org.hotline.call.QueueOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.calls.script(c -> {
            c.answer();
            outcomes.add(c.handToQueue(new org.hotline.call.QueueRequest("billing", "zh-CN", List.of("1"))));
            c.hangup(EndReason.NOT_SERVED);
        });
        try (SipTestPhone phone = fixture.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            call.awaitOk();
            call.ack(null);
            call.respond(phone.awaitRequest(call.callId, "BYE"), 200, "OK");
            fixture.calls.awaitFinished(call.callId);
            assertEquals(List.of(org.hotline.call.QueueOutcome.NOT_SERVED), outcomes);
        }
    }
}
