package org.hotline.sip.registrar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.hotline.sip.registrar.RegisterRequest.ContactRequest;

/** Reads what the registrar needs out of a REGISTER (RFC 3261 §10.2). Stateless; any thread. */
final class RegisterRequests {

    private RegisterRequests() {
    }

    /** The user part of a sip: or sips: To URI: the agent's work number (rule R3). */
    static Optional<String> aor(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        URI uri = to == null ? null : to.getAddress().getURI();
        if (uri instanceof SipURI sip && sip.getUser() != null && !sip.getUser().isEmpty()) {
            return Optional.of(sip.getUser());
        }
        return Optional.empty();
    }

    static String callId(Request request) {
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return callId == null ? "" : callId.getCallId();
    }

    static RegisterRequest parse(Request request, String aor) {
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        ExpiresHeader expires = request.getExpires();
        boolean wildcard = false;
        List<ContactRequest> contacts = new ArrayList<>();
        ListIterator<?> headers = request.getHeaders(ContactHeader.NAME);
        while (headers.hasNext()) {
            ContactHeader contact = (ContactHeader) headers.next();
            if (contact.isWildCard()) {
                wildcard = true;
            } else {
                contacts.add(new ContactRequest(contact.getAddress().getURI().toString(), seconds(contact.getExpires())));
            }
        }
        return new RegisterRequest(aor, callId(request), cseq.getSeqNumber(), wildcard,
                expires == null ? Optional.empty() : seconds(expires.getExpires()), contacts);
    }

    /** The RI reports an absent expires parameter as -1. */
    private static Optional<Duration> seconds(int value) {
        return value < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
    }
}
