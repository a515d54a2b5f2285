package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.text.ParseException;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.config.TrunkConfig;
import org.hotline.sip.registrar.DigestAlgorithm;
import org.junit.jupiter.api.Test;

/** The trunk client's digest answers (RFC 7616 §3.4.1) against the RFCs' own examples and a real challenge. */
class DigestClientTest {

    private static final MessageFactoryImpl MESSAGES = new MessageFactoryImpl();
    private static final HeaderFactoryImpl HEADERS = new HeaderFactoryImpl();
    private static final TrunkConfig.Auth AUTH = new TrunkConfig.Auth("hotline", "s3cret");

    @Test
    void md5ResponseMatchesTheExampleOfRfc2617() {
        String response = DigestClient.response(DigestAlgorithm.MD5, new DigestClient.Exchange("Mufasa",
                "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "00000001", "0a4f113b", "auth"));

        assertEquals("6629fae49393a05397450978507c4ef1", response);
    }

    @Test
    void sha256ResponseMatchesTheExampleOfRfc7616() {
        String response = DigestClient.response(DigestAlgorithm.SHA_256, new DigestClient.Exchange("Mufasa",
                "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth"));

        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response);
    }

    @Test
    void answersAProxyChallengeWithProxyAuthorizationForTheInvitesRequestUri() throws ParseException {
        Request invite = invite();
        Response challenge = challenge(invite, 407, "Proxy-Authenticate",
                "Digest realm=\"trunk.example\", nonce=\"abc123\", qop=\"auth,auth-int\", opaque=\"xyz\", algorithm=MD5");

        assertTrue(new DigestClient(AUTH, () -> "c0ffee").authorize(invite, challenge, HEADERS));

        ProxyAuthorizationHeader answer = (ProxyAuthorizationHeader) invite.getHeader(ProxyAuthorizationHeader.NAME);
        assertEquals("hotline", answer.getUsername());
        assertEquals("trunk.example", answer.getRealm());
        assertEquals("auth", answer.getQop());
        assertEquals("xyz", answer.getOpaque());
        assertEquals(1, answer.getNonceCount());
        assertEquals(DigestClient.response(DigestAlgorithm.MD5, new DigestClient.Exchange("hotline", "trunk.example",
                "s3cret", "INVITE", "sip:13800138000@trunk.example", "abc123", "00000001", "c0ffee", "auth")),
                answer.getResponse());
    }

    @Test
    void prefersSha256WhenBothAreOffered() throws ParseException {
        Request invite = invite();
        Response challenge = challenge(invite, 401, "WWW-Authenticate",
                "Digest realm=\"r\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"");
        challenge.addHeader(HEADERS.createHeader("WWW-Authenticate",
                "Digest realm=\"r\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\""));

        new DigestClient(AUTH, () -> "c").authorize(invite, challenge, HEADERS);

        AuthorizationHeader answer = (AuthorizationHeader) invite.getHeader(AuthorizationHeader.NAME);
        assertEquals("SHA-256", answer.getAlgorithm());
        assertEquals("n2", answer.getNonce());
    }

    @Test
    void withoutQopTheRfc2069FormIsUsed() throws ParseException {
        Request invite = invite();
        Response challenge = challenge(invite, 401, "WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\"");

        new DigestClient(AUTH, () -> "unused").authorize(invite, challenge, HEADERS);

        AuthorizationHeader answer = (AuthorizationHeader) invite.getHeader(AuthorizationHeader.NAME);
        assertEquals(null, answer.getCNonce());
        assertEquals(DigestClient.response(DigestAlgorithm.MD5, new DigestClient.Exchange("hotline", "r", "s3cret",
                "INVITE", "sip:13800138000@trunk.example", "n", null, null, null)), answer.getResponse());
    }

    @Test
    void cannotAnswerWithoutCredentialsOrForAnUnknownAlgorithm() throws ParseException {
        Request invite = invite();
        Response md5Sess = challenge(invite, 401, "WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess");
        Response plain = challenge(invite, 401, "WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\"");

        assertFalse(new DigestClient(AUTH, () -> "c").authorize(invite, md5Sess, HEADERS));
        assertFalse(new DigestClient(new TrunkConfig.Auth("", ""), () -> "c").authorize(invite, plain, HEADERS));
    }

    private static Request invite() throws ParseException {
        String text = """
                INVITE sip:13800138000@trunk.example SIP/2.0\r
                Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1\r
                From: <sip:4008001234@trunk.example>;tag=1\r
                To: <sip:13800138000@trunk.example>\r
                Call-ID: digest-test\r
                CSeq: 1 INVITE\r
                Max-Forwards: 70\r
                Content-Length: 0\r
                \r
                """;
        return MESSAGES.createRequest(text);
    }

    private static Response challenge(Request request, int status, String header, String value) throws ParseException {
        Response response = MESSAGES.createResponse(status, request);
        response.addHeader(HEADERS.createHeader(header, value));
        return response;
    }
}
