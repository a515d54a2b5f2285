package org.hotline.sip.registrar;

import java.util.List;

/**
 * Tells the ACD when an agent's softphone becomes reachable (its first live contact) or unreachable
 * (its last contact removed or expired). Changes of contacts while reachable are not announced:
 * read {@link Registrar#contacts} when offering a call.
 *
 * <p>Calls for one registrar are never concurrent and arrive in the order the changes happened, on
 * whichever SIP stack thread (or the thread calling {@link Registrar#purgeExpired}) made the change.
 * Implementations must return at once (hand off to the ACD's executor) and must not throw.
 */
public interface RegistrationListener {

    void agentReachable(String aor, List<ContactBinding> contacts);

    void agentUnreachable(String aor);

    RegistrationListener NONE = new RegistrationListener() {
        @Override
        public void agentReachable(String aor, List<ContactBinding> contacts) {
        }

        @Override
        public void agentUnreachable(String aor) {
        }
    };
}
