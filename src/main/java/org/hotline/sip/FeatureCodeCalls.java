package org.hotline.sip;

import java.net.InetAddress;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import javax.sip.ServerTransaction;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.call.AgentFeatureCodes;
import org.hotline.call.Announcement;
import org.hotline.call.CallControl;
import org.hotline.call.CallHungUpException;
import org.hotline.call.EndReason;
import org.hotline.call.IncomingCallHandler;
import org.hotline.sip.registrar.DigestGate;
import org.hotline.sip.registrar.DigestGate.Outcome.Admitted;
import org.hotline.sip.registrar.DigestGate.Outcome.Refused;
import org.hotline.sip.registrar.DigestGate.Outcome.UnknownUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent dialling a feature code ({@code *1} ready, {@code *2} not ready, ...; issue 3 item 2):
 * the INVITE is authenticated like a REGISTER (401 challenge, RFC 3261 §22.2; the ACK of the 401
 * stays in the stack's transaction), then the call is answered at once, the prompts
 * {@link AgentFeatureCodes#apply} returns are played and we hang up. {@link #admit} runs on a stack
 * thread; the call itself on its own virtual thread. Stateless; any thread.
 */
final class FeatureCodeCalls {

    private static final Logger log = LoggerFactory.getLogger(FeatureCodeCalls.class);
    private static final String SORRY = "fallback.sorry";

    private final SipMessaging messaging;
    private final DigestGate gate;
    private final AgentFeatureCodes codes;
    private final String language;

    FeatureCodeCalls(SipMessaging messaging, DigestGate gate, AgentFeatureCodes codes, String language) {
        this.messaging = messaging;
        this.gate = gate;
        this.codes = codes;
        this.language = language;
    }

    static boolean isFeatureCode(String dialled) {
        return dialled.startsWith("*");
    }

    /**
     * The work number of the agent who sent {@code invite}, if its digest answer is right; else the
     * INVITE has been answered (401, 403, 400) and the result is empty.
     */
    Optional<String> admit(ServerTransaction tx, Request invite, InetAddress source, String toTag) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        Optional<String> user = Optional.of(InviteHandler.user(from.getAddress().getURI())).filter(u -> !u.isEmpty());
        return switch (gate.admit(invite, user, source)) {
            case Admitted admitted -> Optional.of(admitted.credential().user());
            case Refused refused -> {
                messaging.send(tx, refused.response());
                yield Optional.empty();
            }
            case UnknownUser unknown -> {
                forbid(tx, toTag);
                yield Optional.empty();
            }
        };
    }

    /** Runs the answered feature-code call for {@code workNumber} on its own virtual thread. */
    IncomingCallHandler runner(String workNumber, String code) {
        return call -> Thread.ofVirtual().name("feature-code-" + call.info().callId())
                .start(() -> run(call, workNumber, code));
    }

    private void run(CallControl call, String workNumber, String code) {
        String callId = call.info().callId();
        try {
            call.answer();
            List<String> prompts = apply(callId, workNumber, code);
            call.play(new Announcement(prompts.isEmpty() ? List.of(SORRY) : prompts, language, false));
            call.hangup(EndReason.COMPLETED);
        } catch (CallHungUpException e) {
            log.atDebug().addKeyValue("callId", callId).log("agent hung up during the feature code");
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).setCause(e).log("feature-code call failed");
            call.hangup(EndReason.FAILURE);
        }
    }

    private List<String> apply(String callId, String workNumber, String code) {
        try {
            List<String> prompts = codes.apply(workNumber, code);
            log.atInfo().addKeyValue("callId", callId).addKeyValue("agent", workNumber).addKeyValue("code", code)
                    .addKeyValue("prompts", prompts).log("feature code applied");
            return prompts;
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).addKeyValue("agent", workNumber).addKeyValue("code", code)
                    .setCause(e).log("feature code failed");
            return List.of(SORRY);
        }
    }

    private void forbid(ServerTransaction tx, String toTag) {
        try {
            messaging.send(tx, messaging.inviteResponse(tx.getRequest(), Response.FORBIDDEN, toTag));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a 403", e);
        }
    }
}
