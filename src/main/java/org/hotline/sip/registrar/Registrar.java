package org.hotline.sip.registrar;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.address.AddressFactory;
import org.hotline.sip.registrar.RegistrationResult.Accepted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The location service of RFC 3261 §10.3: each agent's work number (the AOR, rule R3) maps to its
 * softphones' contacts, each with its own expiry; {@link BindingRules} decides updates. Expiry is
 * judged by the injected clock: lookups never return a lapsed contact, and {@link #purgeExpired()}
 * (run it every second from a scheduler) removes them and announces agents that became unreachable.
 *
 * <p>Thread-safe and non-blocking: SIP stack threads write, the ACD reads. State is a
 * {@link ConcurrentHashMap} from AOR to an immutable record; every update of an AOR is one atomic
 * {@code compute}, so a REGISTER is applied all-or-nothing (RFC 3261 §10.3) and readers see either
 * the old or the new contacts. Listener calls are serialised by a {@link SerialNotifier}.
 */
public final class Registrar {

    private static final Logger log = LoggerFactory.getLogger(Registrar.class);

    private final Clock clock;
    private final AddressFactory addresses;
    private final RegistrationListener listener;
    private final BindingRules rules;
    private final Map<String, Aor> aors = new ConcurrentHashMap<>();
    private final SerialNotifier notifier = new SerialNotifier();

    /** {@code addresses} parses contact URIs to compare them as RFC 3261 §19.1.4 requires. */
    public Registrar(RegistrarConfig config, Clock clock, AddressFactory addresses, RegistrationListener listener) {
        this.clock = clock;
        this.addresses = addresses;
        this.listener = listener;
        this.rules = new BindingRules(config, this::sameUri);
    }

    /** Applies a REGISTER for an already authenticated AOR. */
    public RegistrationResult register(RegisterRequest request) {
        Instant now = clock.instant();
        RegistrationResult[] result = new RegistrationResult[1];
        aors.compute(request.aor(), (aor, before) -> {
            List<ContactBinding> live = before == null ? List.of() : before.liveAt(now);
            result[0] = rules.apply(live, request, now);
            if (result[0] instanceof Accepted accepted) {
                return settle(aor, before, accepted.contacts());
            }
            return before;
        });
        notifier.drain();
        return result[0];
    }

    /** The AOR's live contacts, oldest first; empty if unregistered. */
    public List<ContactBinding> contacts(String aor) {
        Aor current = aors.get(aor);
        return current == null ? List.of() : current.liveAt(clock.instant());
    }

    public boolean isReachable(String aor) {
        return !contacts(aor).isEmpty();
    }

    /** Every reachable AOR with its live contacts, at one instant (each AOR read atomically). */
    public Map<String, List<ContactBinding>> snapshot() {
        Instant now = clock.instant();
        Map<String, List<ContactBinding>> snapshot = new HashMap<>();
        aors.forEach((aor, current) -> {
            List<ContactBinding> live = current.liveAt(now);
            if (!live.isEmpty()) {
                snapshot.put(aor, live);
            }
        });
        return Map.copyOf(snapshot);
    }

    /** Drops lapsed contacts and announces AORs left without any; returns how many contacts lapsed. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int[] lapsed = {0};
        for (String key : aors.keySet()) {
            aors.computeIfPresent(key, (aor, before) -> {
                List<ContactBinding> live = before.liveAt(now);
                lapsed[0] += before.bindings().size() - live.size();
                return live.size() == before.bindings().size() ? before : settle(aor, before, live);
            });
        }
        notifier.drain();
        return lapsed[0];
    }

    /** The new record for an AOR (null removes it), queueing a notification if reachability changed. */
    private Aor settle(String aor, Aor before, List<ContactBinding> contacts) {
        boolean wasReachable = before != null && before.announcedReachable();
        boolean reachable = !contacts.isEmpty();
        if (reachable && !wasReachable) {
            List<ContactBinding> announced = List.copyOf(contacts);
            notifier.enqueue(aor, () -> {
                log.atInfo().addKeyValue("aor", aor).addKeyValue("contacts", announced.size()).log("Agent reachable");
                listener.agentReachable(aor, announced);
            });
        } else if (!reachable && wasReachable) {
            notifier.enqueue(aor, () -> {
                log.atInfo().addKeyValue("aor", aor).log("Agent unreachable");
                listener.agentUnreachable(aor);
            });
        }
        return reachable ? new Aor(List.copyOf(contacts), true) : null;
    }

    private boolean sameUri(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return addresses.createURI(a).equals(addresses.createURI(b));
        } catch (ParseException e) {
            throw new IllegalArgumentException("contact URIs reach the registrar parsed by the stack: " + a + ", " + b, e);
        }
    }

    /** An AOR's bindings (possibly some lapsed) and whether the listener was last told it is reachable. */
    private record Aor(List<ContactBinding> bindings, boolean announcedReachable) {

        List<ContactBinding> liveAt(Instant now) {
            return bindings.stream().filter(binding -> binding.liveAt(now)).toList();
        }
    }
}
