package org.hotline.sip.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The registrar's answer to a {@link RegisterRequest}; {@link RegisterHandler} maps it to a response. */
public sealed interface RegistrationResult {

    /** Applied at {@code at}; {@code contacts} are all live bindings of the AOR afterwards (for the 200 OK). */
    record Accepted(List<ContactBinding> contacts, Instant at) implements RegistrationResult {
        public Accepted {
            contacts = List.copyOf(contacts);
            Objects.requireNonNull(at, "at");
        }
    }

    /** A non-zero expiry below the minimum: 423 with Min-Expires (RFC 3261 §10.3 step 7). Nothing changed. */
    record IntervalTooBrief(Duration minExpires) implements RegistrationResult {
    }

    /** Same Call-ID with a CSeq not above the binding's: the update is aborted (RFC 3261 §10.3 step 7). */
    record OutOfOrder(String contactUri) implements RegistrationResult {
    }

    /** A malformed request, e.g. {@code Contact: *} with a non-zero Expires (RFC 3261 §10.3 step 6). */
    record Invalid(String reason) implements RegistrationResult {
    }

    /** The update would leave more live contacts than allowed. Nothing changed. */
    record TooManyContacts(int max) implements RegistrationResult {
    }
}
