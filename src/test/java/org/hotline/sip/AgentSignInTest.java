package org.hotline.sip;

import static org.hotline.sip.AgentsFixture.AGENT;
import static org.hotline.sip.AgentsFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.hotline.sip.registrar.LockoutConfig;
import org.hotline.sip.registrar.RegistrarConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Agents' ways into the front: REGISTER (RFC 3261 §10.3) and feature-code INVITEs, both with
 * digest auth (§22) and one lockout.
 */
class AgentSignInTest {

    private static final RegistrarConfig ONE_SECOND_MINIMUM = new RegistrarConfig(Duration.ofSeconds(1),
            Duration.ofHours(1), Duration.ofHours(1), 10);
    private static final LockoutConfig TWO_STRIKES = new LockoutConfig(2, Duration.ofMinutes(5),
            Duration.ofMinutes(15), 100);

    private final AgentsFixture fixture = new AgentsFixture(ONE_SECOND_MINIMUM, TWO_STRIKES);

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aRegistrationThatLapsesMakesTheAgentUnreachable() throws Exception {
        try (AgentPhone agent = new AgentPhone(fixture.front.port, AGENT)) {
            SipMessage ok = agent.register(PASSWORD, 1);
            assertEquals(200, ok.status());
            assertTrue(ok.header("Contact").orElseThrow().contains(agent.contact()), ok.headers().toString());
            RecordingEvents.waitUntil(() -> fixture.registrations.size() == 2, Duration.ofSeconds(5),
                    "the purge timer to drop the lapsed contact");
            assertEquals(List.of("reachable " + AGENT, "unreachable " + AGENT), fixture.registrations);
        }
    }

    @Test
    void registerWithAWrongPasswordIsChallengedAgainAndAnUnknownAgentIsNotFound() throws Exception {
        try (AgentPhone agent = new AgentPhone(fixture.front.port, AGENT);
                AgentPhone stranger = new AgentPhone(fixture.front.port, "4242")) {
            assertEquals(401, agent.register("guess", 300).status());
            assertEquals(404, stranger.register("guess", 300).status());
            assertTrue(fixture.registrations.isEmpty());
        }
    }

    @Test
    void aFeatureCodeIsChallengedThenAnsweredPlayedAndHungUp() throws Exception {
        try (SipTestPhone phone = fixture.front.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, "*1", AGENT, "Agent").invite(PhoneCall.SDP_OFFER);
            SipMessage unauthorized = phone.awaitResponse(call.callId, "INVITE", 401);
            call.ackFailure(unauthorized);
            call.retryInvite(PhoneCall.SDP_OFFER,
                    AgentDigest.answer(unauthorized, "SHA-256", AGENT, PASSWORD, "INVITE", call.requestUri()));
            call.awaitOk();
            call.ack(null);
            call.respond(phone.awaitRequest(call.callId, "BYE"), 200, "OK");

            assertEquals(List.of(AGENT + " *1"), fixture.featureCodes);
            assertEquals(List.of(List.of("agent.status.available")), fixture.front.media.session(call.callId).plays);
            assertTrue(fixture.front.events.of(call.callId).isEmpty(), "feature codes are not callers' calls");
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void aFeatureCodeWithAWrongPasswordIsChallengedAgainAndCountedByTheLockout() throws Exception {
        try (SipTestPhone phone = fixture.front.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, "*2", AGENT, "Agent").invite(PhoneCall.SDP_OFFER);
            SipMessage challenge = phone.awaitResponse(call.callId, "INVITE", 401);
            for (int attempt = 1; attempt <= 2; attempt++) {
                call.ackFailure(challenge);
                call.retryInvite(PhoneCall.SDP_OFFER,
                        AgentDigest.answer(challenge, "SHA-256", AGENT, "guess-" + attempt, "INVITE", call.requestUri()));
                challenge = call.awaitInviteFinal();
                assertEquals(401, challenge.status(), "attempt " + attempt);
            }
            call.ackFailure(challenge);
            call.retryInvite(PhoneCall.SDP_OFFER,
                    AgentDigest.answer(challenge, "SHA-256", AGENT, PASSWORD, "INVITE", call.requestUri()));
            SipMessage locked = call.awaitInviteFinal();
            assertEquals(403, locked.status(), "two wrong passwords lock the source out");
            call.ackFailure(locked);
            assertTrue(fixture.featureCodes.isEmpty());
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void aFeatureCodeFromSomeoneWhoIsNotAnAgentIsForbidden() throws Exception {
        try (SipTestPhone phone = fixture.front.udpPhone()) {
            PhoneCall call = new PhoneCall(phone, "*1", "13800138000", "Caller").invite(PhoneCall.SDP_OFFER);
            SipMessage forbidden = phone.awaitFinal(call.callId, "INVITE");
            assertEquals(403, forbidden.status());
            call.ackFailure(forbidden);
            assertTrue(fixture.featureCodes.isEmpty());
            fixture.awaitNothingLeft();
        }
    }
}
