package org.hotline.sip.registrar;

import java.net.InetAddress;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sip.header.CallIdHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest check every agent request passes (RFC 3261 §22.2 for a UAS, §22.4 for digest): REGISTER
 * through {@link RegisterHandler}, and an agent's feature-code INVITE. One request in, an
 * {@link Outcome} out, all in memory, so it may run on a SIP stack thread:
 * <pre>
 *   locked source ───────────────────────► Refused 403 "Locked Out" (no credential check)
 *   user not an agent ───────────────────► UnknownUser (REGISTER: 404, INVITE: 403)
 *   no/old/foreign answer, replayed nc ──► Refused 401 fresh challenge (stale=true if only the nonce expired)
 *   wrong password ──────────────────────► Refused 401 fresh challenge, failure counted by {@link SourceLockout}
 *   digest username is not the user ─────► Refused 403 (rule R3: no shared logins)
 *   malformed / digest-uri mismatch ─────► Refused 400
 *   right answer ────────────────────────► Admitted
 * </pre>
 * Stateless itself; thread-safe because its parts are.
 */
public final class DigestGate {

    private static final Logger log = LoggerFactory.getLogger(DigestGate.class);

    /** What the gate decided about one request. */
    public sealed interface Outcome {

        /** The request carries a right answer for {@code credential}. */
        record Admitted(DigestCredential credential) implements Outcome {
        }

        /** No credential is stored for the user; the caller picks the status (404 or 403). */
        record UnknownUser() implements Outcome {
        }

        /** Answer the request with {@code response} (401 challenge, 403, 400, 500). */
        record Refused(Response response) implements Outcome {
        }
    }

    private final SipResponses responses;
    private final RegisterAuthentication authentication;

    public DigestGate(SipResponses responses, RegisterAuthentication authentication) {
        this.responses = Objects.requireNonNull(responses, "responses");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
    }

    /**
     * Judges {@code request}, sent from {@code source} (the packet's source address, not a header
     * value), as coming from agent {@code user} (the AOR of a REGISTER, the From user of an INVITE).
     *
     * @throws ResponseBuildException if the stack refuses a response we built (a bug)
     */
    public Outcome admit(Request request, Optional<String> user, InetAddress source) {
        String callId = callId(request);
        Optional<Duration> locked = authentication.lockout().lockedFor(source);
        if (locked.isPresent()) {
            log.atDebug().addKeyValue("callId", callId).addKeyValue("method", request.getMethod())
                    .addKeyValue("source", source.getHostAddress())
                    .addKeyValue("remainingSeconds", locked.get().toSeconds()).log("refused: source locked out");
            return new Outcome.Refused(responses.create(request, Response.FORBIDDEN, "Locked Out"));
        }
        Optional<DigestCredential> credential = user.flatMap(authentication.credentials()::find);
        if (credential.isEmpty()) {
            log.atInfo().addKeyValue("callId", callId).addKeyValue("method", request.getMethod())
                    .addKeyValue("source", source.getHostAddress()).log("request from an unknown agent");
            return new Outcome.UnknownUser();
        }
        return authenticate(request, credential.get(), source, callId);
    }

    private Outcome authenticate(Request request, DigestCredential credential, InetAddress source, String callId) {
        DigestAuthenticator authenticator = authentication.authenticator();
        if (!credential.realm().equals(authenticator.realm())) {
            log.atError().addKeyValue("callId", callId).addKeyValue("aor", credential.user())
                    .log("Stored credential is for realm " + credential.realm() + ", registrar realm is "
                            + authenticator.realm() + ": re-hash the password");
            return refused(request, Response.SERVER_INTERNAL_ERROR, "Credential Realm Mismatch");
        }
        DigestVerdict verdict = authenticator.verify(request, credential, source);
        log.atDebug().addKeyValue("callId", callId).addKeyValue("aor", credential.user())
                .addKeyValue("method", request.getMethod()).addKeyValue("verdict", verdict).log("digest verdict");
        return switch (verdict) {
            case AUTHENTICATED -> {
                authentication.lockout().recordSuccess(source);
                yield new Outcome.Admitted(credential);
            }
            case NO_ANSWER, UNKNOWN_NONCE, UNSUPPORTED, REPLAYED -> challenge(request, source, false);
            case STALE -> challenge(request, source, true);
            case WRONG_RESPONSE -> wrongPassword(request, credential.user(), source, callId);
            case USERNAME_MISMATCH -> refused(request, Response.FORBIDDEN, "Username Is Not The AOR");
            case MALFORMED -> refused(request, Response.BAD_REQUEST, "Malformed Authorization");
            case URI_MISMATCH -> refused(request, Response.BAD_REQUEST, "Digest URI Mismatch");
        };
    }

    private Outcome wrongPassword(Request request, String aor, InetAddress source, String callId) {
        boolean nowLocked = authentication.lockout().recordFailure(source);
        log.atWarn().addKeyValue("callId", callId).addKeyValue("aor", aor).addKeyValue("method", request.getMethod())
                .addKeyValue("source", source.getHostAddress()).addKeyValue("lockedOut", nowLocked)
                .log("wrong password");
        return challenge(request, source, false);
    }

    private Outcome challenge(Request request, InetAddress source, boolean stale) {
        Response response = responses.create(request, Response.UNAUTHORIZED);
        try {
            List<WWWAuthenticateHeader> challenges =
                    authentication.authenticator().challenge(responses.headers(), source, stale);
            challenges.forEach(response::addHeader);
        } catch (ParseException e) {
            throw new ResponseBuildException("cannot build WWW-Authenticate", e);
        }
        return new Outcome.Refused(response);
    }

    private Outcome refused(Request request, int status, String reason) {
        return new Outcome.Refused(responses.create(request, status, reason));
    }

    private static String callId(Request request) {
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return callId == null ? "" : callId.getCallId();
    }
}
