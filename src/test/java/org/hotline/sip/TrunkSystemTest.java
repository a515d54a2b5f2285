package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.call.CallAdmission;
import org.hotline.call.CallHungUpException;
import org.hotline.call.EndReason;
import org.hotline.call.OutboundCall;
import org.hotline.call.UnstaffedQueueGateway;
import org.hotline.config.ServiceConfig;
import org.hotline.config.SipConfig;
import org.hotline.config.TrunkConfig;
import org.hotline.sip.registrar.DigestAlgorithm;
import org.hotline.system.RunDirectory;
import org.hotline.system.Sipp;
import org.hotline.system.SippResult;
import org.hotline.system.TestAudio;
import org.junit.jupiter.api.Test;

/**
 * The outbound trunk (issue 8) against SIPp stand-ins for a provider: an INVITE challenged with 407
 * is sent again with a Proxy-Authorization whose digest the test recomputes, carries the hotline's
 * caller ID in From and P-Asserted-Identity, rings, is answered and hung up with BYE; a registering
 * trunk answers the registrar's 401 and is registered; a callee that does not answer is CANCELled
 * at the ring timeout.
 */
class TrunkSystemTest {

    private static final String CALLER_ID = "4008001234";
    private static final String NUMBER = "13800138000";
    private static final TrunkConfig.Auth AUTH = new TrunkConfig.Auth("hotline", "s3cret");
    private static final Duration SIPP_LIMIT = Duration.ofSeconds(30);
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"?([^\",]*)\"?");

    @Test
    void dialsWithTheHotlinesCallerIdAnsweringTheProxyChallenge() {
        Path dir = RunDirectory.create("trunk-dial");
        Path callee = TestAudio.writeUlawRaw(TestAudio.tone("callee", 700, Duration.ofSeconds(2), 0.3),
                dir.resolve("callee.ulaw"));
        try (Sipp.Running trunk = Sipp.scenario("uas-trunk.xml").file("callee.ulaw", callee)
                .defaultPause(Duration.ofMillis(300)).timeout(SIPP_LIMIT).start();
             Front front = Front.start(trunkAt(trunk.sipPort(), false, Duration.ofSeconds(10)))) {
            OutboundCall call = front.sip.trunk().prepare("callback-test-1", NUMBER);

            assertEquals(OutboundCall.DialResult.ANSWERED, call.dial());
            call.hangup(EndReason.COMPLETED);
            SippResult result = trunk.await().assertPassed();

            String from = logged(result, "from ");
            assertTrue(from.contains("\"Demo Hotline\"") && from.contains("<sip:" + CALLER_ID + "@trunk.example>"), from);
            assertEquals("<sip:" + CALLER_ID + "@trunk.example>", logged(result, "pai "));
            assertEquals("sip:" + NUMBER + "@trunk.example", logged(result, "request-uri "));
            assertDigestValid(logged(result, "proxy-authorization "));
            assertThrows(CallHungUpException.class, () -> call.awaitDigit(Duration.ZERO));
            front.awaitNothingLeft();
        }
    }

    @Test
    void registersWithTheTrunkAnsweringItsChallenge() {
        try (Sipp.Running registrar = Sipp.scenario("uas-registrar.xml").variable("user", AUTH.username())
                .variable("password", AUTH.password()).timeout(SIPP_LIMIT).start();
             Front front = Front.start(trunkAt(registrar.sipPort(), true, Duration.ofSeconds(10)))) {
            SippResult result = registrar.await().assertPassed();

            assertTrue(result.logLines().stream().anyMatch(l -> l.contains("digest valid true")), result.logLines().toString());
            RecordingEvents.waitUntil(front.sip::trunkRegistered, Duration.ofSeconds(5), "registered with the trunk");
        }
    }

    @Test
    void aCalleeWhoDoesNotAnswerIsCancelledAtTheRingTimeout() {
        try (Sipp.Running trunk = Sipp.scenario("uas-ring-until-cancel.xml").timeout(SIPP_LIMIT).start();
             Front front = Front.start(trunkAt(trunk.sipPort(), false, Duration.ofSeconds(5)))) {
            OutboundCall call = front.sip.trunk().prepare("callback-test-2", NUMBER);

            long started = System.nanoTime();
            OutboundCall.DialResult result = call.dial();
            Duration rang = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(OutboundCall.DialResult.NO_ANSWER, result);
            assertTrue(rang.compareTo(Duration.ofSeconds(5)) >= 0 && rang.compareTo(Duration.ofSeconds(7)) < 0,
                    "rang " + rang);
            SippResult sipp = trunk.await().assertPassed();
            assertTrue(sipp.logLines().stream().anyMatch(l -> l.contains("cancelled")), sipp.logLines().toString());
            front.awaitNothingLeft();
        }
    }

    private static TrunkConfig trunkAt(int port, boolean register, Duration ringTimeout) {
        return new TrunkConfig(true, new TrunkConfig.Proxy(Sipp.LOOPBACK, port, "udp"), "trunk.example", CALLER_ID,
                "Demo Hotline", AUTH, new TrunkConfig.Registration(register, Duration.ofMinutes(10)), ringTimeout);
    }

    /** The digest of the logged Proxy-Authorization, recomputed from its own parameters and the password. */
    private static void assertDigestValid(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = PARAM.matcher(header);
        while (matcher.find()) {
            params.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2));
        }
        String expected = DigestClient.response(DigestAlgorithm.MD5, new DigestClient.Exchange(AUTH.username(),
                params.get("realm"), AUTH.password(), "INVITE", params.get("uri"), params.get("nonce"), params.get("nc"),
                params.get("cnonce"), params.get("qop")));
        assertEquals(expected, params.get("response"), header);
        assertEquals("hotline", params.get("username"), header);
    }

    private static String logged(SippResult result, String prefix) {
        return result.logLines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' in " + result.logLines()));
    }

    /** A SIP front on a free loopback port with fake media, whose trunk is the SIPp stand-in. */
    private record Front(SipFront sip, FakeMediaEngine media) implements AutoCloseable {

        static Front start(TrunkConfig trunk) {
            int port = FrontFixture.freePort();
            SipConfig sip = new SipConfig(Sipp.LOOPBACK, port, List.of("udp"), Sipp.LOOPBACK, Duration.ofMillis(100), 4);
            ServiceConfig service = new ServiceConfig(List.of(CALLER_ID), "zh-CN", List.of("zh-CN"),
                    ZoneId.of("Asia/Shanghai"));
            FakeMediaEngine media = new FakeMediaEngine();
            SipFront front = new SipFront(new SipFront.Wiring(sip, service, media, new FakePrompts(),
                    new UnstaffedQueueGateway(), new ScriptedCalls(), new RecordingEvents(), Clock.systemUTC(),
                    FrontFixture.FAST), new SipFront.Continuity(CallAdmission.UNLIMITED, call -> { }, TrunkRoute.of(trunk)));
            front.start();
            return new Front(front, media);
        }

        void awaitNothingLeft() {
            RecordingEvents.waitUntil(() -> sip.outboundCalls() == 0 && media.sessionsInUse() == 0, Duration.ofSeconds(5),
                    "no outbound call and no media left");
        }

        @Override
        public void close() {
            sip.close();
        }
    }
}
