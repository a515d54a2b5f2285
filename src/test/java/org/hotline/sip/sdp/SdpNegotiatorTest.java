package org.hotline.sip.sdp;

import java.net.InetAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hotline.media.Codec;
import org.junit.jupiter.api.Test;

class SdpNegotiatorTest {

    private static final LocalMedia LOCAL = new LocalMedia("192.0.2.10", 40000, 42, 1);

    /** As sent by baresip 1.x/2.x (trimmed of ICE lines). */
    static final String BARESIP = """
            v=0
            o=- 1385064302543926730 2 IN IP4 192.168.1.20
            s=-
            c=IN IP4 192.168.1.20
            t=0 0
            m=audio 10112 RTP/AVP 0 8 101
            b=AS:64
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=sendrecv
            a=label:1
            a=ssrc:1393425433 cname:a4b2d3e6
            a=rtcp-rsize
            a=ptime:20
            """.replace("\n", "\r\n");

    /** SIPp's built-in uac scenario (PCMU only, no telephone-event). */
    static final String SIPP = """
            v=0
            o=user1 53655765 2353687637 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 6000 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """.replace("\n", "\r\n");

    /** Linphone-style: many codecs in preference order, PCMA before PCMU, two telephone-events. */
    static final String LINPHONE = """
            v=0
            o=alice 3497 1779 IN IP4 10.0.0.5
            s=Talk
            c=IN IP4 10.0.0.5
            t=0 0
            a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
            m=audio 7078 RTP/AVP 96 97 98 8 0 18 101 99 100
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 useinbandfec=1
            a=rtpmap:97 speex/16000
            a=fmtp:97 vbr=on
            a=rtpmap:98 speex/8000
            a=fmtp:98 vbr=on
            a=rtpmap:18 G729/8000
            a=rtpmap:101 telephone-event/48000
            a=rtpmap:99 telephone-event/16000
            a=rtpmap:100 telephone-event/8000
            a=rtcp-fb:* trr-int 5000
            m=video 9078 RTP/AVP 96
            a=rtpmap:96 VP8/90000
            """.replace("\n", "\r\n");

    static final String IPV6 = """
            v=0
            o=bob 2890844526 2890842807 IN IP6 2001:db8::1
            s=-
            c=IN IP6 2001:db8::1
            t=0 0
            m=audio 49170 RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=sendonly
            """.replace("\n", "\r\n");

    static final String SESSION_LEVEL_ONLY = """
            v=0
            o=- 1 1 IN IP4 203.0.113.7
            s=call
            c=IN IP4 203.0.113.7
            t=0 0
            a=inactive
            m=audio 5004 RTP/AVP 0 101
            a=rtpmap:101 telephone-event/8000
            """.replace("\n", "\r\n");

    static final String MEDIA_LEVEL_C_OVERRIDES = """
            v=0
            o=- 1 1 IN IP4 203.0.113.7
            s=-
            c=IN IP4 203.0.113.7
            t=0 0
            m=audio 5004 RTP/AVP 0
            c=IN IP4 198.51.100.9
            a=recvonly
            """.replace("\n", "\r\n");

    static final String G729_ONLY = """
            v=0
            o=- 1 1 IN IP4 203.0.113.7
            s=-
            c=IN IP4 203.0.113.7
            t=0 0
            m=audio 5004 RTP/AVP 18 101
            a=rtpmap:18 G729/8000
            a=rtpmap:101 telephone-event/8000
            """.replace("\n", "\r\n");

    private final SdpNegotiator negotiator = new SdpNegotiator();

    @Test
    void answersBaresipWithPcmuAndItsTelephoneEvent() throws Exception {
        NegotiatedMedia m = negotiator.answer(BARESIP, LOCAL);
        assertEquals(Codec.PCMU, m.remote().codec());
        assertEquals(101, m.remote().telephoneEventPayloadType());
        assertEquals("192.168.1.20", m.remote().address().getHostString());
        assertEquals(10112, m.remote().address().getPort());
        assertTrue(m.peerReceives());
        String answer = m.answerSdp();
        assertTrue(answer.contains("m=audio 40000 RTP/AVP 0 101"), answer);
        assertTrue(answer.contains("c=IN IP4 192.0.2.10"), answer);
        assertTrue(answer.contains("a=rtpmap:0 PCMU/8000"), answer);
        assertTrue(answer.contains("a=rtpmap:101 telephone-event/8000"), answer);
        assertTrue(answer.contains("a=fmtp:101 0-16"), answer);
        assertTrue(answer.contains("a=ptime:20"), answer);
        assertTrue(answer.contains("a=sendrecv"), answer);
        assertTrue(answer.contains("o=hotline 42 1 IN IP4 192.0.2.10"), answer);
    }

    @Test
    void answersSippDefaultWithoutTelephoneEvent() throws Exception {
        NegotiatedMedia m = negotiator.answer(SIPP, LOCAL);
        assertEquals(Codec.PCMU, m.remote().codec());
        assertEquals(-1, m.remote().telephoneEventPayloadType());
        assertTrue(m.answerSdp().contains("m=audio 40000 RTP/AVP 0\r\n"), m.answerSdp());
        assertFalse(m.answerSdp().contains("telephone-event"));
    }

    @Test
    void followsOfferersOrderAndPicksTheEightKilohertzTelephoneEvent() throws Exception {
        NegotiatedMedia m = negotiator.answer(LINPHONE, LOCAL);
        assertEquals(Codec.PCMA, m.remote().codec());
        assertEquals(100, m.remote().telephoneEventPayloadType());
        String answer = m.answerSdp();
        assertTrue(answer.contains("m=audio 40000 RTP/AVP 8 100"), answer);
        assertTrue(answer.contains("m=video 0 RTP/AVP 96"), answer);
        assertTrue(answer.indexOf("m=audio") < answer.indexOf("m=video"), "answer keeps the offer's m= order");
    }

    @Test
    void answersIpv6SendonlyOfferWithRecvonly() throws Exception {
        NegotiatedMedia m = negotiator.answer(IPV6, new LocalMedia("2001:db8::10", 40002, 7, 3));
        assertEquals(Codec.PCMA, m.remote().codec());
        assertEquals(InetAddress.getByName("2001:db8::1"), m.remote().address().getAddress(), "resolved from the literal");
        assertFalse(m.remote().address().isUnresolved());
        assertEquals(Direction.SENDONLY, m.offeredDirection());
        assertFalse(m.peerReceives());
        assertTrue(m.answerSdp().contains("a=recvonly"), m.answerSdp());
        assertTrue(m.answerSdp().contains("c=IN IP6 2001:db8::10"), m.answerSdp());
    }

    @Test
    void usesSessionLevelConnectionAndDirection() throws Exception {
        NegotiatedMedia m = negotiator.answer(SESSION_LEVEL_ONLY, LOCAL);
        assertEquals("203.0.113.7", m.remote().address().getHostString());
        assertEquals(Direction.INACTIVE, m.offeredDirection());
        assertTrue(m.answerSdp().contains("a=inactive"), m.answerSdp());
    }

    @Test
    void mediaLevelConnectionWinsOverSessionLevel() throws Exception {
        NegotiatedMedia m = negotiator.answer(MEDIA_LEVEL_C_OVERRIDES, LOCAL);
        assertEquals("198.51.100.9", m.remote().address().getHostString());
        assertTrue(m.answerSdp().contains("a=sendonly"), m.answerSdp());
        assertTrue(m.peerReceives());
    }

    @Test
    void rejectsOfferWithoutCommonCodecWithWarning305() {
        SdpRejectedException e = assertThrows(SdpRejectedException.class, () -> negotiator.answer(G729_ONLY, LOCAL));
        assertEquals(305, e.warningCode());
    }

    @Test
    void remoteAddressIsResolvedFromTheLiteralSoRtpCanBeSent() throws Exception {
        NegotiatedMedia m = negotiator.answer(BARESIP, LOCAL);
        assertFalse(m.remote().address().isUnresolved(), "an unresolved address cannot be sent to");
        assertEquals(InetAddress.getByName("192.168.1.20"), m.remote().address().getAddress());
    }

    @Test
    void rejectsHostNameConnectionAddressRatherThanBlockOnDns() {
        String named = BARESIP.replace("c=IN IP4 192.168.1.20", "c=IN IP4 phone.example.com");
        SdpRejectedException e = assertThrows(SdpRejectedException.class, () -> negotiator.answer(named, LOCAL));
        assertEquals(399, e.warningCode());
    }

    @Test
    void rejectsOfferWithoutAudioWithWarning304() {
        String videoOnly = SIPP.replace("m=audio 6000 RTP/AVP 0", "m=video 6000 RTP/AVP 96");
        SdpRejectedException e = assertThrows(SdpRejectedException.class, () -> negotiator.answer(videoOnly, LOCAL));
        assertEquals(304, e.warningCode());
    }

    @Test
    void rejectsGarbage() {
        assertThrows(SdpRejectedException.class, () -> negotiator.answer("hello world", LOCAL));
    }

    @Test
    void offersPcmuPcmaAndTelephoneEventAndReadsTheAnswer() throws Exception {
        String offer = negotiator.offer(LOCAL);
        assertTrue(offer.contains("m=audio 40000 RTP/AVP 0 8 101"), offer);
        NegotiatedMedia m = negotiator.acceptAnswer(IPV6, offer);
        assertEquals(Codec.PCMA, m.remote().codec());
        assertEquals(101, m.remote().telephoneEventPayloadType());
        assertEquals(offer, m.answerSdp());
    }

    @Test
    void directionMirrorTable() {
        assertEquals(List.of(Direction.SENDRECV, Direction.RECVONLY, Direction.SENDONLY, Direction.INACTIVE),
                List.of(Direction.SENDRECV.mirrored(), Direction.SENDONLY.mirrored(),
                        Direction.RECVONLY.mirrored(), Direction.INACTIVE.mirrored()));
    }
}
