package org.hotline.sip.registrar;

import static org.hotline.sip.registrar.RegistrarFixture.AGENT;
import static org.hotline.sip.registrar.RegistrarFixture.OTHER_AGENT;
import static org.hotline.sip.registrar.RegistrarFixture.OTHER_PASSWORD;
import static org.hotline.sip.registrar.RegistrarFixture.PASSWORD;
import static org.hotline.sip.registrar.RegistrarFixture.REALM;
import static org.hotline.sip.registrar.RegistrarFixture.contacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.DateHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole REGISTER exchanges through {@link RegisterHandler}, as a softphone would run them. */
class RegisterHandlerTest {

    private static final String PHONE = "<sip:1001@192.0.2.10:5060;transport=udp>";

    private RegistrarFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RegistrarFixture();
    }

    @Test
    void challengesFirstOfferingSha256ThenMd5WithOneNonce() throws Exception {
        Response response = fixture.send(RegisterMessage.of(AGENT).contact(PHONE));

        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        List<WWWAuthenticateHeader> challenges = challenges(response);
        assertEquals(List.of("SHA-256", "MD5"), challenges.stream().map(WWWAuthenticateHeader::getAlgorithm).toList());
        for (WWWAuthenticateHeader challenge : challenges) {
            assertEquals(REALM, challenge.getRealm());
            assertEquals("auth", challenge.getQop());
            assertEquals(challenges.get(0).getNonce(), challenge.getNonce());
            assertFalse(challenge.isStale());
        }
        assertNotNull(((ToHeader) response.getHeader(ToHeader.NAME)).getTag());
        assertTrue(fixture.registrar.contacts(AGENT).isEmpty());
    }

    @Test
    void registersWithSha256AndListsTheContact() throws Exception {
        Response response = fixture.register(RegisterMessage.of(AGENT).contact(PHONE).expires(120), 1);

        assertEquals(Response.OK, response.getStatusCode());
        assertEquals(List.of("sip:1001@192.0.2.10:5060;transport=udp expires=120"), contacts(response));
        assertNotNull(response.getHeader(DateHeader.NAME));
        assertNotNull(((ToHeader) response.getHeader(ToHeader.NAME)).getTag());
        assertEquals(1, fixture.registrar.contacts(AGENT).size());
        assertEquals(List.of("reachable 1001 1"), fixture.events.events);
    }

    @Test
    void registersWithMd5ForOlderSoftphones() throws Exception {
        Response response = fixture.register(RegisterMessage.of(AGENT).contact(PHONE), 1, PASSWORD, "MD5",
                fixture.phone);

        assertEquals(Response.OK, response.getStatusCode());
        assertEquals(List.of("sip:1001@192.0.2.10:5060;transport=udp expires=1800"), contacts(response));
    }

    @Test
    void wrongPasswordIsChallengedAgain() throws Exception {
        Response response = fixture.register(RegisterMessage.of(AGENT).contact(PHONE), 1, "guess", "SHA-256",
                fixture.phone);

        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        assertEquals(2, challenges(response).size());
        assertFalse(challenges(response).get(0).isStale());
        assertTrue(fixture.registrar.contacts(AGENT).isEmpty());
    }

    @Test
    void replayedNonceCountIsChallengedAndAHigherOneAccepted() throws Exception {
        Response challenge = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(1));
        WWWAuthenticateHeader sha = DigestClient.challenge(challenge, "SHA-256");
        String first = DigestClient.answer(sha, AGENT, PASSWORD, "00000001", "c1");
        String second = DigestClient.answer(sha, AGENT, PASSWORD, "00000002", "c1");

        Response accepted = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(2).authorization(first));
        Response replayed = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(3).authorization(first));
        Response next = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(4).authorization(second));

        assertEquals(Response.OK, accepted.getStatusCode());
        assertEquals(Response.UNAUTHORIZED, replayed.getStatusCode());
        assertFalse(challenges(replayed).get(0).isStale());
        assertEquals(Response.OK, next.getStatusCode());
        assertFalse(fixture.lockout.isLocked(fixture.phone));
    }

    @Test
    void expiredNonceWithTheRightPasswordGetsAStaleChallenge() throws Exception {
        Response challenge = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(1));
        String answer = DigestClient.answer(DigestClient.challenge(challenge, "SHA-256"), AGENT, PASSWORD,
                "00000001", "c1");
        fixture.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        Response stale = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(2).authorization(answer));

        assertEquals(Response.UNAUTHORIZED, stale.getStatusCode());
        assertTrue(challenges(stale).stream().allMatch(WWWAuthenticateHeader::isStale));
        String retry = DigestClient.answer(DigestClient.challenge(stale, "SHA-256"), AGENT, PASSWORD,
                "00000001", "c2");
        assertEquals(Response.OK,
                fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(3).authorization(retry)).getStatusCode());
    }

    @Test
    void expiredNonceWithAWrongPasswordIsNotStale() throws Exception {
        Response challenge = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(1));
        String answer = DigestClient.answer(DigestClient.challenge(challenge, "SHA-256"), AGENT, "guess",
                "00000001", "c1");
        fixture.clock.advance(Duration.ofMinutes(6));

        Response response = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(2).authorization(answer));

        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        assertFalse(challenges(response).get(0).isStale());
    }

    @Test
    void unknownAgentGets404WithoutAChallenge() throws Exception {
        Response response = fixture.send(RegisterMessage.of("9999").contact("<sip:9999@192.0.2.10>"));

        assertEquals(Response.NOT_FOUND, response.getStatusCode());
        assertTrue(challenges(response).isEmpty());
    }

    @Test
    void locksTheSourceOutAfterFiveWrongPasswordsAndLetsItBackAfterTheLockDuration() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            Response response = fixture.register(RegisterMessage.of(AGENT).contact(PHONE), attempt * 2L, "guess-" + attempt,
                    "SHA-256", fixture.phone);
            assertEquals(Response.UNAUTHORIZED, response.getStatusCode(), "attempt " + attempt);
        }

        Response locked = fixture.register(RegisterMessage.of(AGENT).contact(PHONE), 20);
        assertEquals(Response.FORBIDDEN, locked.getStatusCode());
        assertEquals("Locked Out", locked.getReasonPhrase());
        assertEquals(Response.FORBIDDEN, fixture.send(RegisterMessage.of("9999")).getStatusCode());
        assertEquals(Response.OK, fixture.register(RegisterMessage.of(OTHER_AGENT).callId("other")
                .contact("<sip:1002@192.0.2.20>"), 1, OTHER_PASSWORD, "SHA-256", fixture.otherPhone).getStatusCode());

        fixture.clock.advance(Duration.ofMinutes(15));
        assertEquals(Response.OK, fixture.register(RegisterMessage.of(AGENT).contact(PHONE), 30).getStatusCode());
    }

    @Test
    void failuresOutsideTheWindowDoNotLockTheSource() throws Exception {
        for (int attempt = 1; attempt <= 8; attempt++) {
            fixture.register(RegisterMessage.of(AGENT).contact(PHONE), attempt * 2L, "guess", "SHA-256", fixture.phone);
            fixture.clock.advance(Duration.ofMinutes(2));
        }

        assertFalse(fixture.lockout.isLocked(fixture.phone));
    }

    @Test
    void successResetsTheFailureCount() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            fixture.register(RegisterMessage.of(AGENT).contact(PHONE), attempt * 2L, "guess", "SHA-256", fixture.phone);
        }
        assertEquals(Response.OK, fixture.register(RegisterMessage.of(AGENT).contact(PHONE), 10).getStatusCode());
        fixture.register(RegisterMessage.of(AGENT).contact(PHONE), 12, "guess", "SHA-256", fixture.phone);

        assertFalse(fixture.lockout.isLocked(fixture.phone));
    }

    @Test
    void keepsSeveralContactsPerAgentAndListsThemAll() throws Exception {
        fixture.register(RegisterMessage.of(AGENT).callId("desk").contact(PHONE).expires(600), 1);
        fixture.clock.advance(Duration.ofSeconds(100));
        Response second = fixture.register(RegisterMessage.of(AGENT).callId("mobile")
                .contact("<sip:1001@198.51.100.7:5062>").expires(300), 1, PASSWORD, "MD5", fixture.otherPhone);

        assertEquals(Response.OK, second.getStatusCode());
        assertEquals(List.of("sip:1001@192.0.2.10:5060;transport=udp expires=500",
                "sip:1001@198.51.100.7:5062 expires=300"), contacts(second));
        assertEquals(2, fixture.registrar.contacts(AGENT).size());
        assertEquals(List.of("reachable 1001 1"), fixture.events.events);
    }

    @Test
    void contactLapsesWhenItsExpiryPasses() throws Exception {
        fixture.register(RegisterMessage.of(AGENT).contact(PHONE + ";expires=60"), 1);

        fixture.clock.advance(Duration.ofSeconds(59));
        assertTrue(fixture.registrar.isReachable(AGENT));
        fixture.clock.advance(Duration.ofSeconds(1));
        assertFalse(fixture.registrar.isReachable(AGENT));
        assertEquals(1, fixture.registrar.purgeExpired());
        assertEquals(List.of("reachable 1001 1", "unreachable 1001"), fixture.events.events);
    }

    @Test
    void expiresZeroRemovesOnlyThatContact() throws Exception {
        fixture.register(RegisterMessage.of(AGENT).callId("desk").contact(PHONE), 1);
        fixture.register(RegisterMessage.of(AGENT).callId("mobile").contact("<sip:1001@198.51.100.7>"), 1);

        Response response = fixture.register(RegisterMessage.of(AGENT).callId("desk").contact(PHONE + ";expires=0"), 3);

        assertEquals(Response.OK, response.getStatusCode());
        assertEquals(List.of("sip:1001@198.51.100.7 expires=1800"), contacts(response));
    }

    @Test
    void wildcardWithExpiresZeroUnregistersEveryContact() throws Exception {
        fixture.register(RegisterMessage.of(AGENT).callId("desk").contact(PHONE), 1);
        fixture.register(RegisterMessage.of(AGENT).callId("mobile").contact("<sip:1001@198.51.100.7>"), 1);

        Response response = fixture.register(RegisterMessage.of(AGENT).callId("desk").contact("*").expires(0), 3);

        assertEquals(Response.OK, response.getStatusCode());
        assertTrue(contacts(response).isEmpty());
        assertFalse(fixture.registrar.isReachable(AGENT));
        assertEquals(List.of("reachable 1001 1", "unreachable 1001"), fixture.events.events);
    }

    @Test
    void wildcardWithoutExpiresZeroIsABadRequest() throws Exception {
        fixture.register(RegisterMessage.of(AGENT).contact(PHONE), 1);

        Response response = fixture.register(RegisterMessage.of(AGENT).contact("*").expires(60), 3);

        assertEquals(Response.BAD_REQUEST, response.getStatusCode());
        assertTrue(fixture.registrar.isReachable(AGENT));
    }

    @Test
    void tooBriefAnExpiryGets423WithMinExpires() throws Exception {
        Response response = fixture.register(RegisterMessage.of(AGENT).contact(PHONE).expires(30), 1);

        assertEquals(Response.INTERVAL_TOO_BRIEF, response.getStatusCode());
        assertEquals(60, ((MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME)).getExpires());
        assertFalse(fixture.registrar.isReachable(AGENT));
    }

    @Test
    void tooLongAnExpiryIsShortenedToTheMaximum() throws Exception {
        Response response = fixture.register(RegisterMessage.of(AGENT).contact(PHONE).expires(86_400), 1);

        assertEquals(List.of("sip:1001@192.0.2.10:5060;transport=udp expires=3600"), contacts(response));
    }

    @Test
    void lowerCSeqForTheSameCallIdIsRefused() throws Exception {
        fixture.register(RegisterMessage.of(AGENT).contact(PHONE).expires(600), 10);

        Response response = fixture.register(RegisterMessage.of(AGENT).contact(PHONE).expires(0), 4);

        assertEquals(Response.BAD_REQUEST, response.getStatusCode());
        assertTrue(fixture.registrar.isReachable(AGENT));
    }

    @Test
    void queryWithoutContactsListsTheCurrentBindings() throws Exception {
        fixture.register(RegisterMessage.of(AGENT).contact(PHONE).expires(600), 1);
        fixture.clock.advance(Duration.ofSeconds(10));

        Response response = fixture.register(RegisterMessage.of(AGENT).callId("query"), 1);

        assertEquals(List.of("sip:1001@192.0.2.10:5060;transport=udp expires=590"), contacts(response));
    }

    @Test
    void refusesMoreContactsThanAllowed() throws Exception {
        for (int phone = 1; phone <= 3; phone++) {
            fixture.register(RegisterMessage.of(AGENT).callId("phone-" + phone).contact("<sip:1001@192.0.2." + phone + ">"), 1);
        }

        Response fourth = fixture.register(RegisterMessage.of(AGENT).callId("phone-4").contact("<sip:1001@192.0.2.4>"), 1);

        assertEquals(Response.FORBIDDEN, fourth.getStatusCode());
        assertEquals(3, fixture.registrar.contacts(AGENT).size());
    }

    @Test
    void digestUsernameOtherThanTheRegisteredWorkNumberIsForbidden() throws Exception {
        Response challenge = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(1));
        String asOtherAgent = DigestClient.answer(DigestClient.challenge(challenge, "SHA-256"), OTHER_AGENT,
                OTHER_PASSWORD, "00000001", "c1");

        Response response = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(2).authorization(asOtherAgent));

        assertEquals(Response.FORBIDDEN, response.getStatusCode());
        assertFalse(fixture.registrar.isReachable(AGENT));
    }

    @Test
    void digestUriOtherThanTheRequestUriIsABadRequest() throws Exception {
        Response challenge = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(1));
        String answer = DigestClient.answer(DigestClient.challenge(challenge, "SHA-256"), AGENT, PASSWORD,
                "00000001", "c1", "sip:elsewhere.example");

        Response response = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(2).authorization(answer));

        assertEquals(Response.BAD_REQUEST, response.getStatusCode());
    }

    @Test
    void qopLessRfc2069AnswerIsChallengedAgain() throws Exception {
        Response challenge = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(1));
        WWWAuthenticateHeader md5 = DigestClient.challenge(challenge, "MD5");
        String ha1 = DigestClient.hash("MD5", AGENT + ":" + REALM + ":" + PASSWORD);
        String ha2 = DigestClient.hash("MD5", "REGISTER:" + RegisterMessage.REQUEST_URI);
        String rfc2069 = "Digest username=\"1001\", realm=\"" + REALM + "\", nonce=\"" + md5.getNonce()
                + "\", uri=\"" + RegisterMessage.REQUEST_URI + "\", response=\""
                + DigestClient.hash("MD5", ha1 + ":" + md5.getNonce() + ":" + ha2) + "\"";

        Response response = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(2).authorization(rfc2069));

        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        assertFalse(fixture.registrar.isReachable(AGENT));
    }

    @Test
    void nonceIssuedToAnotherSourceIsNotAccepted() throws Exception {
        Response challenge = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(1), fixture.otherPhone);
        String answer = DigestClient.answer(DigestClient.challenge(challenge, "SHA-256"), AGENT, PASSWORD,
                "00000001", "c1");

        Response response = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(2).authorization(answer));

        assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        assertFalse(fixture.registrar.isReachable(AGENT));
    }

    @Test
    void forgedNonceWithAWrongPasswordIsNotCountedTowardsLockout() throws Exception {
        for (int attempt = 1; attempt <= 10; attempt++) {
            String forged = "Digest username=\"1001\", realm=\"" + REALM + "\", nonce=\"forged-" + attempt
                    + "\", uri=\"" + RegisterMessage.REQUEST_URI + "\", response=\"" + "0".repeat(64)
                    + "\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"c\"";
            Response response = fixture.send(RegisterMessage.of(AGENT).contact(PHONE).cseq(attempt)
                    .authorization(forged));
            assertEquals(Response.UNAUTHORIZED, response.getStatusCode());
        }

        assertFalse(fixture.lockout.isLocked(fixture.phone));
    }

    @Test
    void refusesRequestsOtherThanRegister() throws Exception {
        var invite = fixture.messages.createRequest(RegisterMessage.of(AGENT).text().replace("REGISTER", "INVITE"));

        assertThrows(IllegalArgumentException.class, () -> fixture.handler.handle(invite, fixture.phone));
    }

    private static List<WWWAuthenticateHeader> challenges(Response response) {
        List<WWWAuthenticateHeader> challenges = new ArrayList<>();
        ListIterator<?> headers = response.getHeaders(WWWAuthenticateHeader.NAME);
        while (headers.hasNext()) {
            challenges.add((WWWAuthenticateHeader) headers.next());
        }
        return challenges;
    }
}
