package org.hotline.sip.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.hotline.sip.registrar.RegisterRequest.ContactRequest;
import org.hotline.sip.registrar.RegistrationResult.Accepted;
import org.hotline.sip.registrar.RegistrationResult.IntervalTooBrief;
import org.hotline.sip.registrar.RegistrationResult.Invalid;
import org.hotline.sip.registrar.RegistrationResult.OutOfOrder;
import org.hotline.sip.registrar.RegistrationResult.TooManyContacts;

/**
 * RFC 3261 §10.3 steps 6-7 as a pure function: the live bindings of one AOR and a REGISTER give
 * either the new bindings or a refusal, all-or-nothing. Immutable; any thread.
 */
final class BindingRules {

    private final RegistrarConfig config;
    private final BiPredicate<String, String> sameUri;

    /** {@code sameUri} compares contact URIs as RFC 3261 §19.1.4 does. */
    BindingRules(RegistrarConfig config, BiPredicate<String, String> sameUri) {
        this.config = config;
        this.sameUri = sameUri;
    }

    RegistrationResult apply(List<ContactBinding> live, RegisterRequest request, Instant now) {
        if (request.wildcard()) {
            return removeAll(live, request, now);
        }
        List<Wanted> wanted = new ArrayList<>();
        for (ContactRequest contact : request.contacts()) {
            Duration asked = contact.expires().or(request::expires).orElse(config.defaultExpires());
            if (asked.isNegative()) {
                return new Invalid("Negative Expires");
            }
            if (!asked.isZero() && asked.compareTo(config.minExpires()) < 0) {
                return new IntervalTooBrief(config.minExpires());
            }
            Duration granted = asked.compareTo(config.maxExpires()) > 0 ? config.maxExpires() : asked;
            wanted.add(new Wanted(contact.uri(), granted));
        }
        return update(live, wanted, request, now);
    }

    private RegistrationResult update(List<ContactBinding> live, List<Wanted> wanted, RegisterRequest request,
                                      Instant now) {
        List<ContactBinding> next = new ArrayList<>(live);
        for (Wanted contact : wanted) {
            for (ContactBinding existing : live) {
                if (sameUri.test(existing.uri(), contact.uri()) && outOfOrder(existing, request)) {
                    return new OutOfOrder(contact.uri());
                }
            }
            next.removeIf(binding -> sameUri.test(binding.uri(), contact.uri()));
            if (!contact.expires().isZero()) {
                next.add(new ContactBinding(contact.uri(), request.callId(), request.cseq(),
                        now.plus(contact.expires())));
            }
        }
        if (next.size() > config.maxContactsPerAgent()) {
            return new TooManyContacts(config.maxContactsPerAgent());
        }
        return new Accepted(next, now);
    }

    private RegistrationResult removeAll(List<ContactBinding> live, RegisterRequest request, Instant now) {
        boolean expiresZero = request.expires().map(Duration::isZero).orElse(false);
        if (!expiresZero || !request.contacts().isEmpty()) {
            return new Invalid("Contact * needs Expires 0 and no other Contact");
        }
        for (ContactBinding binding : live) {
            if (outOfOrder(binding, request)) {
                return new OutOfOrder(binding.uri());
            }
        }
        return new Accepted(List.of(), now);
    }

    /** Same Call-ID and a CSeq not higher than the binding's (RFC 3261 §10.3 step 7). */
    private static boolean outOfOrder(ContactBinding binding, RegisterRequest request) {
        return binding.callId().equals(request.callId()) && request.cseq() <= binding.cseq();
    }

    private record Wanted(String uri, Duration expires) {
    }
}
