package org.hotline.sip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.sip.SipException;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentOffer;
import org.hotline.call.AgentOfferListener;
import org.hotline.media.MediaSession;
import org.hotline.media.PortsExhaustedException;
import org.hotline.sip.registrar.ContactBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One offer of a caller to an agent (issue 3 item 4): an INVITE to each of the agent's registered
 * contacts at once, each its own client transaction and dialog ({@link AgentCall}), like a forking
 * proxy (RFC 3261 §16.7) but as the UAC of a B2BUA. The first usable 2xx wins and becomes the
 * {@link org.hotline.call.AgentLeg}; the other contacts are CANCELled, and a 2xx that races in
 * is ACKed and BYEd, so the caller never has two answered legs. All contacts failing, or one
 * declining with 6xx, fails the offer. The ACD owns the ring timeout (rule R1) and cancels.
 *
 * <p>The offer is decided once: OFFERING, then ANSWERED, FAILED or CANCELLED (no other
 * transition). Stack threads (responses), the ACD's executor (cancel) and the thread ending the
 * caller's call (cancel) meet under {@code lock}; the listener and the branches are called outside
 * it. Until the offer is decided it owns the agent-side media session; the winner takes it over.
 */
final class AgentOfferAttempt implements AgentOffer {

    private static final Logger log = LoggerFactory.getLogger(AgentOfferAttempt.class);

    private enum State { OFFERING, ANSWERED, FAILED, CANCELLED }

    private final CallerSide caller;
    private final String workNumber;
    private final AgentOfferListener listener;
    private final CallMedia media;
    private final Runnable cancelOnCallerGone = this::cancel;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<AgentCall> branches = new ArrayList<>();
    private final Set<AgentCall> failed = new HashSet<>();
    private final List<String> reasons = new ArrayList<>();
    private State state = State.OFFERING;

    private AgentOfferAttempt(CallerSide caller, String workNumber, AgentOfferListener listener, CallMedia media) {
        this.caller = caller;
        this.workNumber = workNumber;
        this.listener = listener;
        this.media = media;
    }

    /** Starts ringing every contact of {@code workNumber}; fails at once if there is none. Never blocks. */
    static AgentOffer start(SipCallContext ctx, CallerSide caller, String workNumber, AgentOfferListener listener) {
        List<ContactBinding> contacts = ctx.registrar().contacts(workNumber);
        if (caller.isEnded()) {
            return failedAtOnce(caller, workNumber, listener, "caller hung up");
        }
        if (contacts.isEmpty()) {
            return failedAtOnce(caller, workNumber, listener, "not registered");
        }
        MediaSession session;
        try {
            // on the caller's event loop: each relayed packet is sent in the pass that read it (issue 7)
            session = ctx.mediaEngine().open(caller.callId() + "/agent-" + workNumber, caller.mediaSession());
        } catch (PortsExhaustedException e) {
            log.atWarn().addKeyValue("callId", caller.callId()).setCause(e).log("no RTP ports for an agent leg");
            return failedAtOnce(caller, workNumber, listener, "no RTP ports");
        }
        long sdpSessionId = ctx.clock().millis();
        CallMedia media = new CallMedia(session, ctx.negotiator(), ctx.messaging().advertisedAddress(), sdpSessionId,
                null);
        AgentOfferAttempt attempt = new AgentOfferAttempt(caller, workNumber, listener, media);
        attempt.fork(ctx, contacts);
        return attempt;
    }

    private static AgentOffer failedAtOnce(CallerSide caller, String workNumber, AgentOfferListener listener,
            String reason) {
        log.atInfo().addKeyValue("callId", caller.callId()).addKeyValue("agent", workNumber)
                .addKeyValue("reason", reason).log("agent offer failed");
        notifyFailed(caller, listener, reason);
        return new Decided(workNumber);
    }

    private void fork(SipCallContext ctx, List<ContactBinding> contacts) {
        String sdpOffer = media.initialOffer();
        List<String> unusable = new ArrayList<>();
        for (ContactBinding contact : contacts) {
            try {
                branches.add(AgentCall.prepare(ctx, this, caller, contact.uri(), media, sdpOffer));
            } catch (ParseException | SipException e) {
                log.atWarn().addKeyValue("callId", caller.callId()).addKeyValue("agent", workNumber)
                        .addKeyValue("contact", contact.uri()).setCause(e).log("cannot INVITE this contact");
                unusable.add(contact.uri() + ": " + e.getMessage());
            }
        }
        if (branches.isEmpty()) {
            state = State.FAILED;
            media.session().close();
            notifyFailed(caller, listener, "no usable contact " + unusable);
            return;
        }
        log.atInfo().addKeyValue("callId", caller.callId()).addKeyValue("agent", workNumber)
                .addKeyValue("contacts", branches.size()).log("offering the caller to the agent");
        caller.endActions().add(cancelOnCallerGone);
        if (decided()) {
            branches.forEach(AgentCall::discard);
            return;
        }
        for (AgentCall branch : List.copyOf(branches)) {
            Thread.ofVirtual().name("agent-invite-" + branch.callId()).start(branch::send);
        }
    }

    /** True once answered, failed or cancelled (e.g. the caller hung up while the INVITEs were built). */
    private boolean decided() {
        lock.lock();
        try {
            return state != State.OFFERING;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String workNumber() {
        return workNumber;
    }

    /** Stops every contact ringing; the listener hears nothing more. No-op once decided. Never blocks. */
    @Override
    public void cancel() {
        List<AgentCall> ringing;
        lock.lock();
        try {
            if (state != State.OFFERING) {
                return;
            }
            state = State.CANCELLED;
            ringing = List.copyOf(branches);
        } finally {
            lock.unlock();
        }
        log.atInfo().addKeyValue("callId", caller.callId()).addKeyValue("agent", workNumber)
                .log("agent offer cancelled");
        caller.endActions().remove(cancelOnCallerGone);
        ringing.forEach(AgentCall::cancel);
        media.session().close();
    }

    // ---- from the branches, on stack threads

    /** A branch got a usable 2xx: true if it is the first (it becomes the leg), false if it must hang up. */
    boolean claim(AgentCall branch) {
        List<AgentCall> others;
        lock.lock();
        try {
            if (state != State.OFFERING) {
                return false;
            }
            state = State.ANSWERED;
            others = branches.stream().filter(b -> b != branch).toList();
        } finally {
            lock.unlock();
        }
        caller.endActions().remove(cancelOnCallerGone);
        others.forEach(AgentCall::cancel);
        return true;
    }

    /** The winner is confirmed (ACKed, media applied): tells the ACD. */
    void answered(AgentLeg leg) {
        log.atInfo().addKeyValue("callId", caller.callId()).addKeyValue("agent", workNumber).log("agent answered");
        try {
            listener.answered(leg);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", caller.callId()).setCause(e).log("offer listener failed on answer");
        }
    }

    /**
     * A branch will not answer ({@code reason} e.g. "486 Busy Here"). The offer fails once every
     * branch has, or at once on a decline everywhere ({@code global}: 6xx, RFC 3261 §16.7 step 5).
     */
    void branchFailed(AgentCall branch, String reason, boolean global) {
        List<AgentCall> others;
        String summary;
        lock.lock();
        try {
            if (state != State.OFFERING || !failed.add(branch)) {
                return;
            }
            reasons.add(reason);
            if (!global && failed.size() < branches.size()) {
                return;
            }
            state = State.FAILED;
            others = branches.stream().filter(b -> !failed.contains(b)).toList();
            summary = String.join(", ", reasons);
        } finally {
            lock.unlock();
        }
        log.atInfo().addKeyValue("callId", caller.callId()).addKeyValue("agent", workNumber)
                .addKeyValue("reason", summary).log("agent offer failed");
        caller.endActions().remove(cancelOnCallerGone);
        others.forEach(AgentCall::cancel);
        media.session().close();
        notifyFailed(caller, listener, summary);
    }

    private static void notifyFailed(CallerSide caller, AgentOfferListener listener, String reason) {
        try {
            listener.failed(reason);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", caller.callId()).setCause(e).log("offer listener failed on failure");
        }
    }

    /** An offer that failed before any INVITE was sent. */
    private record Decided(String workNumber) implements AgentOffer {

        @Override
        public void cancel() {
            // already decided: nothing rings
        }
    }
}
