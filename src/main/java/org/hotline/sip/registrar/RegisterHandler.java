package org.hotline.sip.registrar;

import java.net.InetAddress;
import java.text.ParseException;
import java.time.Duration;
import javax.sip.InvalidArgumentException;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.sip.registrar.DigestGate.Outcome.Admitted;
import org.hotline.sip.registrar.DigestGate.Outcome.Refused;
import org.hotline.sip.registrar.DigestGate.Outcome.UnknownUser;
import org.hotline.sip.registrar.RegistrationResult.Accepted;
import org.hotline.sip.registrar.RegistrationResult.IntervalTooBrief;
import org.hotline.sip.registrar.RegistrationResult.Invalid;
import org.hotline.sip.registrar.RegistrationResult.OutOfOrder;
import org.hotline.sip.registrar.RegistrationResult.TooManyContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers agents' REGISTER requests (issue 3 item 1; RFC 3261 §10.3 with §22 digest auth): one
 * request in, one response out, all in memory, so it may run on a SIP stack thread. The chain
 * (authentication is {@link DigestGate}'s):
 * <pre>
 *   locked source ─────────────────────────────► 403 "Locked Out" (no credential check)
 *   To user not an agent ──────────────────────► 404 (RFC 3261 §10.3 step 5)
 *   no/old/foreign answer, replayed nc ────────► 401 fresh challenge (stale=true if only the nonce expired)
 *   wrong password ────────────────────────────► 401 fresh challenge, failure counted
 *   authenticated ─► {@link Registrar} ────────► 200 with every contact | 423 | 400 | 403
 * </pre>
 * Unknown users get 404 rather than 403 because RFC 3261 §10.3 step 5 names 404 for an AOR the
 * registrar does not serve, and hiding which work numbers exist protects nothing: callers hear
 * them (rule R3). A locked source gets 403 rather than 503 + Retry-After: 403 says "do not retry
 * this" (RFC 3261 §21.4.4), whereas softphones treat 503 as a server fault to retry or fail over
 * to (RFC 3263), which keeps a guessing client busy; SIP has no 429. The digest username must be
 * the AOR's work number (rule R3: no shared logins), else 403.
 *
 * <p>Wiring: from {@code SipListener.processRequest}, for a REGISTER, take the packet's source from
 * {@code ((gov.nist.javax.sip.RequestEventExt) event).getRemoteIpAddress()}, get or create the
 * server transaction, and send {@link #handle}'s response through it, so the stack absorbs
 * retransmissions (a retransmitted answer reaching this handler would look like a replayed
 * nonce-count). Schedule {@link Registrar#purgeExpired()} every second.
 *
 * <p>Stateless itself; thread-safe because its parts are.
 */
public final class RegisterHandler {

    private static final Logger log = LoggerFactory.getLogger(RegisterHandler.class);

    private final SipResponses responses;
    private final DigestGate gate;
    private final Registrar registrar;

    public RegisterHandler(SipResponses responses, RegisterAuthentication authentication, Registrar registrar) {
        this.responses = responses;
        this.gate = new DigestGate(responses, authentication);
        this.registrar = registrar;
    }

    /**
     * The response to a REGISTER received from {@code source} (the packet's source address, not a
     * header value). Send it through the request's server transaction.
     *
     * @throws IllegalArgumentException if the request is not a REGISTER
     * @throws ResponseBuildException   if the stack refuses a response we built (a bug)
     */
    public Response handle(Request request, InetAddress source) {
        if (!Request.REGISTER.equals(request.getMethod())) {
            throw new IllegalArgumentException("not a REGISTER: " + request.getMethod());
        }
        return switch (gate.admit(request, RegisterRequests.aor(request), source)) {
            case Admitted admitted -> register(request, admitted.credential().user(), RegisterRequests.callId(request));
            case UnknownUser unknown -> responses.create(request, Response.NOT_FOUND);
            case Refused refused -> refused.response();
        };
    }

    private Response register(Request request, String aor, String callId) {
        RegistrationResult result = registrar.register(RegisterRequests.parse(request, aor));
        log.atDebug().addKeyValue("callId", callId).addKeyValue("aor", aor).addKeyValue("result", result)
                .log("REGISTER applied");
        try {
            return switch (result) {
                case Accepted accepted -> ok(request, accepted);
                case IntervalTooBrief brief -> intervalTooBrief(request, brief.minExpires());
                case OutOfOrder outOfOrder -> responses.create(request, Response.BAD_REQUEST, "Out Of Order CSeq");
                case Invalid invalid -> responses.create(request, Response.BAD_REQUEST, invalid.reason());
                case TooManyContacts tooMany -> responses.create(request, Response.FORBIDDEN, "Too Many Contacts");
            };
        } catch (ParseException | InvalidArgumentException e) {
            throw new ResponseBuildException("cannot build the response to a REGISTER, Call-ID " + callId, e);
        }
    }

    /** 200 listing every current contact with its remaining expiry (RFC 3261 §10.3 step 8). */
    private Response ok(Request request, Accepted accepted) throws ParseException {
        Response response = responses.create(request, Response.OK);
        for (ContactBinding binding : accepted.contacts()) {
            long remaining = Math.min(Integer.MAX_VALUE, binding.remainingSeconds(accepted.at()));
            response.addHeader(responses.headers().createHeader(ContactHeader.NAME,
                    "<" + binding.uri() + ">;expires=" + remaining));
        }
        return response;
    }

    private Response intervalTooBrief(Request request, Duration minExpires) throws InvalidArgumentException {
        Response response = responses.create(request, Response.INTERVAL_TOO_BRIEF);
        response.setHeader(responses.headers().createMinExpiresHeader((int) minExpires.toSeconds()));
        return response;
    }
}
