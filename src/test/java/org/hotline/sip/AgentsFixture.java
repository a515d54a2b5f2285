package org.hotline.sip;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentOfferListener;
import org.hotline.call.CallControl;
import org.hotline.sip.registrar.ContactBinding;
import org.hotline.sip.registrar.DigestAlgorithm;
import org.hotline.sip.registrar.DigestCredentials;
import org.hotline.sip.registrar.LockoutConfig;
import org.hotline.sip.registrar.MapCredentialStore;
import org.hotline.sip.registrar.RegistrarConfig;
import org.hotline.sip.registrar.RegistrationListener;

/**
 * A started front that knows two agents (digest credentials in realm {@link #REALM}), records
 * registration events and feature codes, and keeps every caller's call answered and waiting until
 * the caller hangs up, so tests can offer it to agents.
 */
final class AgentsFixture implements AutoCloseable {

    static final String REALM = "hotline.test";
    static final String AGENT = "1001";
    static final String PASSWORD = "pw-1001";
    static final String OTHER_AGENT = "1002";
    static final Duration WAIT = Duration.ofSeconds(10);

    final List<String> registrations = new CopyOnWriteArrayList<>();
    final List<String> featureCodes = new CopyOnWriteArrayList<>();
    final FrontFixture front;

    AgentsFixture() {
        this(RegistrarConfig.defaults(), LockoutConfig.defaults());
    }

    AgentsFixture(RegistrarConfig registrar, LockoutConfig lockout) {
        RegistrationListener listener = new RegistrationListener() {
            @Override
            public void agentReachable(String aor, List<ContactBinding> contacts) {
                registrations.add("reachable " + aor);
            }

            @Override
            public void agentUnreachable(String aor) {
                registrations.add("unreachable " + aor);
            }
        };
        AgentAccess agents = new AgentAccess(MapCredentialStore.of(List.of(
                DigestCredentials.hash(AGENT, REALM, PASSWORD.toCharArray()),
                DigestCredentials.hash(OTHER_AGENT, REALM, "pw-1002".toCharArray()))), REALM, listener,
                (workNumber, code) -> {
                    featureCodes.add(workNumber + " " + code);
                    return List.of("agent.status.available");
                }, registrar, lockout, List.of(DigestAlgorithm.values()));
        front = new FrontFixture(Duration.ZERO, FrontFixture.FAST, agents);
        front.calls.script(c -> {
            c.answer();
            while (true) {
                c.awaitDigit(Duration.ofMinutes(1));
            }
        });
    }

    AgentPhone registeredAgent() throws IOException {
        AgentPhone agent = new AgentPhone(front.port, AGENT);
        SipMessage ok = agent.register(PASSWORD, 300);
        if (ok.status() != 200) {
            throw new AssertionError("REGISTER answered " + ok);
        }
        return agent;
    }

    /** A caller's call, answered (200 ACKed) and waiting in the front. */
    Caller connectedCaller(SipTestPhone phone) {
        PhoneCall call = new PhoneCall(phone, FrontFixture.NUMBER).invite(PhoneCall.SDP_OFFER);
        call.awaitOk();
        call.ack(null);
        CallControl control = front.calls.calls.get(call.callId);
        return new Caller(call, control, front.media.session(call.callId));
    }

    /** The agent-side media session of the caller's latest offer. */
    FakeMediaSession agentMedia(Caller caller) {
        return front.media.sessionStartingWith(caller.call().callId + "/agent-");
    }

    void awaitNothingLeft() {
        front.awaitNothingLeft(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        front.close();
    }

    record Caller(PhoneCall call, CallControl control, FakeMediaSession media) {
    }

    /** Records how an offer ended; counts calls so tests can assert "exactly once". */
    static final class RecordingOffer implements AgentOfferListener {

        final CompletableFuture<AgentLeg> answered = new CompletableFuture<>();
        final CompletableFuture<String> failed = new CompletableFuture<>();
        final AtomicInteger outcomes = new AtomicInteger();

        @Override
        public void answered(AgentLeg leg) {
            outcomes.incrementAndGet();
            answered.complete(leg);
        }

        @Override
        public void failed(String reason) {
            outcomes.incrementAndGet();
            failed.complete(reason);
        }

        AgentLeg awaitLeg() throws Exception {
            return answered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        String awaitFailure() throws Exception {
            return failed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
