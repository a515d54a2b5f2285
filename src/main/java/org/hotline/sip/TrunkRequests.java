package org.hotline.sip;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.hotline.config.TrunkConfig;

/**
 * The requests Hotline sends to the trunk: the INVITE of an outbound call (RFC 3261 §8.1.1) and
 * the REGISTER of its registration (§10.2), each routed to the configured proxy by a loose Route
 * (§16.12), and the copy of either that answers a 401/407 (§22.2: same Call-ID and From tag, the
 * next CSeq, a new branch). The INVITE's From and P-Asserted-Identity (RFC 3325) carry the
 * hotline's caller ID. Stateless; any thread.
 */
final class TrunkRequests {

    private static final int MAX_FORWARDS = 70;

    private TrunkRequests() {
    }

    /** An INVITE to {@code number} at the trunk's domain carrying {@code sdpOffer}. */
    static Request invite(SipMessaging m, TrunkConfig trunk, String number, String sdpOffer) throws ParseException {
        SipURI target = m.addresses.createSipURI(number, trunk.domain());
        Address from = m.addresses.createAddress(m.addresses.createSipURI(trunk.callerId(), trunk.domain()));
        if (trunk.callerName() != null && !trunk.callerName().isBlank()) {
            from.setDisplayName(trunk.callerName());
        }
        Request invite = request(m, trunk, Request.INVITE, target, from,
                m.addresses.createAddress(m.addresses.createSipURI(number, trunk.domain())), m.provider.getNewCallId());
        invite.addHeader(m.headers.createHeader("P-Asserted-Identity",
                "<sip:" + trunk.callerId() + "@" + trunk.domain() + ">"));
        invite.addHeader(m.contact(invite));
        invite.addHeader(m.headers.createAllowHeader(SipMessaging.ALLOWED_METHODS));
        invite.setContent(sdpOffer, m.headers.createContentTypeHeader("application", "sdp"));
        return invite;
    }

    /** A REGISTER of {@code trunk.auth.username} at the trunk's domain for {@code expires} seconds. */
    static Request register(SipMessaging m, TrunkConfig trunk, CallIdHeader callId, long cseq, int expiresSeconds)
            throws ParseException {
        Address aor = m.addresses.createAddress(m.addresses.createSipURI(trunk.auth().username(), trunk.domain()));
        Request register = request(m, trunk, Request.REGISTER, m.addresses.createSipURI(null, trunk.domain()), aor,
                aor, callId);
        try {
            ((CSeqHeader) register.getHeader(CSeqHeader.NAME)).setSeqNumber(cseq);
            register.addHeader(m.contact(register));
            register.addHeader(m.headers.createExpiresHeader(expiresSeconds));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("CSeq " + cseq + " or Expires " + expiresSeconds + " rejected", e);
        }
        return register;
    }

    /** The request again with the next CSeq and a new branch, to carry credentials (RFC 3261 §22.2). */
    static Request retry(SipMessaging m, TrunkConfig trunk, Request sent) throws ParseException {
        Request retry = (Request) sent.clone();
        try {
            CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            retry.removeHeader(ViaHeader.NAME);
            retry.addHeader(via(m, trunk));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("the next CSeq was rejected", e);
        }
        return retry;
    }

    private static Request request(SipMessaging m, TrunkConfig trunk, String method, javax.sip.address.URI target,
            Address from, Address to, CallIdHeader callId) throws ParseException {
        try {
            Request request = m.messages.createRequest(target, method, callId,
                    m.headers.createCSeqHeader(1L, method),
                    m.headers.createFromHeader(from, newTag()),
                    m.headers.createToHeader(to, null),
                    List.of(via(m, trunk)), m.headers.createMaxForwardsHeader(MAX_FORWARDS));
            request.addHeader(m.headers.createRouteHeader(m.addresses.createAddress(proxy(m, trunk))));
            return request;
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("constant CSeq or Max-Forwards rejected", e);
        }
    }

    private static ViaHeader via(SipMessaging m, TrunkConfig trunk) throws ParseException {
        try {
            ViaHeader via = m.headers.createViaHeader(m.advertisedAddress(), m.port(), trunk.proxy().transport(), null);
            via.setRPort();
            return via;
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("our own port was rejected in a Via", e);
        }
    }

    /** {@code <sip:host:port;transport=x;lr>}: the first hop of every request to the trunk. */
    private static SipURI proxy(SipMessaging m, TrunkConfig trunk) throws ParseException {
        SipURI proxy = m.addresses.createSipURI(null, trunk.proxy().host());
        proxy.setPort(trunk.proxy().port());
        proxy.setTransportParam(trunk.proxy().transport());
        proxy.setLrParam();
        return proxy;
    }

    /** RFC 3261 §19.3: a tag with at least 32 bits of randomness. */
    private static String newTag() {
        return Long.toHexString(UUID.randomUUID().getLeastSignificantBits());
    }
}
