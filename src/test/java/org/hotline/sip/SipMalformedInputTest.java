package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never stops the front: each case is answered 400 where the RI (or we) can address a
 * response, or dropped where it cannot, and a following call on a fresh socket still completes.
 * The expected answers record what JAIN-SIP RI 1.3.0-91 does: over UDP it answers 400 to a
 * request whose request line, a header value or Content-Length cannot be parsed, and drops one
 * that lacks Call-ID, From, To, CSeq or Via; its NIO TCP channel drops every unparsable message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipMalformedInputTest {

    private static final Duration QUIET = Duration.ofMillis(400);
    private final FrontFixture fixture = new FrontFixture(Duration.ZERO);

    @AfterAll
    void stop() {
        fixture.close();
    }

    private record Case(String name, Function<PhoneCall, String> text, List<Integer> udpAnswer, List<Integer> tcpAnswer) {
        @Override
        public String toString() {
            return name;
        }
    }

    private String invite(PhoneCall c, String extraHeaders) {
        return c.request("INVITE", "sip:" + FrontFixture.NUMBER + "@127.0.0.1:" + fixture.port, PhoneCall.branch(),
                "1 INVITE", "application/sdp", PhoneCall.SDP_OFFER, extraHeaders);
    }

    Stream<Arguments> cases() {
        List<Integer> none = List.of();
        List<Integer> badRequest = List.of(400);
        return Stream.of(
                new Case("garbage text", c -> "hello world\r\n\r\n", none, none),
                new Case("binary junk", c -> "\u0001\u0002\u0003\u00ff\u0000junk", none, none),
                new Case("truncated inside CSeq", c -> invite(c, "").substring(0, invite(c, "").indexOf("CSeq") + 6),
                        none, none),
                new Case("Content-Length beyond the body",
                        c -> invite(c, "").replaceFirst("Content-Length: \\d+", "Content-Length: 900"), badRequest, none),
                new Case("missing Call-ID", c -> invite(c, "").replaceFirst("Call-ID: [^\r]*\r\n", ""), none, none),
                new Case("missing Via", c -> invite(c, "").replaceFirst("Via: [^\r]*\r\n", ""), none, none),
                new Case("non-numeric CSeq", c -> invite(c, "").replace("CSeq: 1 INVITE", "CSeq: abc INVITE"),
                        badRequest, none),
                new Case("unparsable Request-URI", c -> invite(c, "").replaceFirst("INVITE sip:[^ ]+ ", "INVITE not a uri "),
                        badRequest, none),
                new Case("unparsable From", c -> invite(c, "").replaceFirst("From: [^\r]*", "From: <<<>>>"),
                        badRequest, none),
                new Case("INVITE without Contact", c -> invite(c, "").replaceFirst("Contact: [^\r]*\r\n", ""),
                        badRequest, badRequest),
                new Case("20 kB header", c -> invite(c, "X-Big: " + "a".repeat(20_000) + "\r\n"), badRequest, none))
                .flatMap(k -> Stream.of(Arguments.of("UDP", k), Arguments.of("TCP", k)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void answersOrDropsBadInputAndKeepsServing(String transport, Case bad) throws Exception {
        try (SipTestPhone phone = phone(transport)) {
            phone.send(bad.text().apply(new PhoneCall(phone, FrontFixture.NUMBER)));
            phone.staysQuiet(m -> false, QUIET);
            List<Integer> answers = phone.received.stream().filter(SipMessage::isResponse).map(SipMessage::status)
                    .distinct().toList();
            assertEquals(transport.equals("UDP") ? bad.udpAnswer() : bad.tcpAnswer(), answers, phone.received.toString());
        }
        try (SipTestPhone next = phone(transport)) {
            PhoneCall call = new PhoneCall(next, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
            call.awaitOk();
            call.ack(null);
            call.bye();
            next.awaitResponse(call.callId, "BYE", 200);
        }
    }

    private SipTestPhone phone(String transport) throws IOException {
        return transport.equals("UDP") ? fixture.udpPhone() : fixture.tcpPhone();
    }
}
