package org.hotline.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Duration;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class DigestAuthenticatorTest {

    @Test
    void forgetsNonceCountsOnceTheirNonceHasExpired() throws Exception {
        RegistrarFixture fixture = new RegistrarFixture();
        DigestAuthenticator authenticator = new DigestAuthenticator(DigestConfig.withDefaults(RegistrarFixture.REALM),
                fixture.clock, new SecureRandom(), fixture.addresses);
        DigestCredential credential = DigestCredentials.hash(RegistrarFixture.AGENT, RegistrarFixture.REALM,
                RegistrarFixture.PASSWORD.toCharArray());
        for (int phone = 0; phone < 20; phone++) {
            assertEquals(DigestVerdict.AUTHENTICATED, answerFreshChallenge(fixture, authenticator, credential));
        }
        assertEquals(20, authenticator.trackedNonces());

        fixture.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        answerFreshChallenge(fixture, authenticator, credential);

        assertEquals(1, authenticator.trackedNonces());
    }

    @Test
    void md5OnlySiteOffersOnlyMd5ForSoftphonesThatFailOnSha256() throws Exception {
        RegistrarFixture fixture = new RegistrarFixture();
        DigestAuthenticator authenticator = new DigestAuthenticator(new DigestConfig(RegistrarFixture.REALM,
                Duration.ofMinutes(5), java.util.List.of(DigestAlgorithm.MD5)), fixture.clock, new SecureRandom(),
                fixture.addresses);

        var challenges = authenticator.challenge(fixture.headers, fixture.phone, false);

        assertEquals(java.util.List.of("MD5"), challenges.stream().map(WWWAuthenticateHeader::getAlgorithm).toList());
    }

    @Test
    void defaultChallengesOfferSha256BeforeMd5PerRfc8760() throws Exception {
        RegistrarFixture fixture = new RegistrarFixture();
        DigestAuthenticator authenticator = new DigestAuthenticator(DigestConfig.withDefaults(RegistrarFixture.REALM),
                fixture.clock, new SecureRandom(), fixture.addresses);

        var challenges = authenticator.challenge(fixture.headers, fixture.phone, false);

        assertEquals(java.util.List.of("SHA-256", "MD5"),
                challenges.stream().map(WWWAuthenticateHeader::getAlgorithm).toList());
    }

    @Test
    void everyChallengeCarriesANewNonce() throws Exception {
        RegistrarFixture fixture = new RegistrarFixture();
        DigestAuthenticator authenticator = new DigestAuthenticator(DigestConfig.withDefaults(RegistrarFixture.REALM),
                fixture.clock, new SecureRandom(), fixture.addresses);

        String first = authenticator.challenge(fixture.headers, fixture.phone, false).get(0).getNonce();
        String second = authenticator.challenge(fixture.headers, fixture.phone, false).get(0).getNonce();

        assertNotEquals(first, second);
    }

    @Test
    void rejectsARealmThatCannotBeQuoted() {
        assertThrows(IllegalArgumentException.class, () -> DigestConfig.withDefaults("bad\"realm"));
        assertThrows(IllegalArgumentException.class, () -> new DigestConfig("r", Duration.ZERO));
    }

    private static DigestVerdict answerFreshChallenge(RegistrarFixture fixture, DigestAuthenticator authenticator,
                                                      DigestCredential credential) throws Exception {
        WWWAuthenticateHeader challenge = authenticator.challenge(fixture.headers, fixture.phone, false).get(0);
        Request request = RegisterMessage.of(RegistrarFixture.AGENT).authorization(DigestClient.answer(challenge,
                RegistrarFixture.AGENT, RegistrarFixture.PASSWORD, "00000001", fixture.nextCnonce()))
                .build(fixture.messages);
        return authenticator.verify(request, credential, fixture.phone);
    }
}
