package org.hotline.sip;

import org.hotline.media.MediaSession;
import org.hotline.sip.sdp.LocalMedia;
import org.hotline.sip.sdp.NegotiatedMedia;
import org.hotline.sip.sdp.SdpNegotiator;
import org.hotline.sip.sdp.SdpRejectedException;

/**
 * One call's media session and its SDP offer/answer state (RFC 3264): the negotiated stream, our
 * outstanding offer when the peer sent none (delayed offer, §5 of RFC 3264 via RFC 3261 §13.2.1),
 * and the o= line's version, which grows with every SDP we send (RFC 3264 §8). Methods are
 * synchronized: stack threads (re-INVITE, ACK) and the call's virtual thread (answer) both use it.
 */
final class CallMedia {

    private final MediaSession session;
    private final SdpNegotiator negotiator;
    private final String address;
    private final long sessionId;
    private long version;
    private NegotiatedMedia current;
    private String pendingOffer;
    private long pendingOfferCseq;

    CallMedia(MediaSession session, SdpNegotiator negotiator, String address, long sessionId,
            NegotiatedMedia initial) {
        this.session = session;
        this.negotiator = negotiator;
        this.address = address;
        this.sessionId = sessionId;
        this.version = 1;
        this.current = initial;
    }

    static LocalMedia firstLocal(MediaSession session, String address, long sessionId) {
        return new LocalMedia(address, session.localPort(), sessionId, 1);
    }

    MediaSession session() {
        return session;
    }

    /** The body of our 2xx to the initial INVITE: the answer, or our offer if the INVITE had none. */
    synchronized String sdpForAnswer(long inviteCseq) {
        if (current != null) {
            return current.answerSdp();
        }
        pendingOffer = negotiator.offer(local(version));
        pendingOfferCseq = inviteCseq;
        return pendingOffer;
    }

    /** Our offer in an INVITE we send (an agent leg of the B2BUA); its answer comes in the 2xx. */
    synchronized String initialOffer() {
        pendingOffer = negotiator.offer(local(version));
        pendingOfferCseq = -1;
        return pendingOffer;
    }

    /** Reads an answer to our pending offer without applying it (which forked 2xx wins is not known yet). */
    synchronized NegotiatedMedia checkAnswer(String answerSdp) throws SdpRejectedException {
        return negotiator.acceptAnswer(answerSdp, pendingOffer);
    }

    /** Starts sending once the initial answer is known. */
    synchronized void startIfNegotiated() {
        if (current != null) {
            apply(current);
        }
    }

    /** Answers a re-INVITE's offer and applies it (hold: sendonly/inactive, resume: sendrecv). */
    synchronized NegotiatedMedia answerReOffer(String offerSdp) throws SdpRejectedException {
        NegotiatedMedia n = negotiator.answer(offerSdp, local(version + 1));
        version++;
        current = n;
        apply(n);
        return n;
    }

    /** Our offer for a re-INVITE that carried no SDP; its answer comes in the ACK. */
    synchronized String offerForReInvite(long inviteCseq) {
        version++;
        pendingOffer = negotiator.offer(local(version));
        pendingOfferCseq = inviteCseq;
        return pendingOffer;
    }

    synchronized boolean awaitingAnswer() {
        return pendingOffer != null;
    }

    /** Whether the ACK of the INVITE with this CSeq must carry the answer to our offer. */
    synchronized boolean awaitingAnswerIn(long ackCseq) {
        return pendingOffer != null && pendingOfferCseq == ackCseq;
    }

    /** Takes the peer's answer to our pending offer (from the ACK, or an agent's 2xx). */
    synchronized void acceptAnswer(String answerSdp) throws SdpRejectedException {
        NegotiatedMedia n = negotiator.acceptAnswer(answerSdp, pendingOffer);
        pendingOffer = null;
        current = n;
        apply(n);
    }

    synchronized boolean peerReceives() {
        return current != null && current.peerReceives();
    }

    private LocalMedia local(long sdpVersion) {
        return new LocalMedia(address, session.localPort(), sessionId, sdpVersion);
    }

    private void apply(NegotiatedMedia n) {
        if (!n.legacyHold()) {
            session.connect(n.remote());
        }
        session.setSending(n.peerReceives());
    }
}
