package org.hotline.sip.registrar;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a REGISTER asks of the {@link Registrar}, lifted out of the SIP message by
 * {@link RegisterHandler}. Immutable.
 *
 * @param aor      the work number being registered (user part of the To URI, rule R3)
 * @param callId   the request's Call-ID
 * @param cseq     the request's CSeq number
 * @param wildcard true for {@code Contact: *} (remove every binding, RFC 3261 §10.3 step 6)
 * @param expires  the Expires header, if present
 * @param contacts the Contact entries; empty for a query or a wildcard
 */
public record RegisterRequest(String aor, String callId, long cseq, boolean wildcard,
                              Optional<Duration> expires, List<ContactRequest> contacts) {

    public RegisterRequest {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(expires, "expires");
        contacts = List.copyOf(contacts);
    }

    /**
     * One Contact of a REGISTER.
     *
     * @param uri     the Contact URI
     * @param expires the contact's {@code expires} parameter, if present
     */
    public record ContactRequest(String uri, Optional<Duration> expires) {

        public ContactRequest {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(expires, "expires");
        }
    }
}
