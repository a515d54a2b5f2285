package org.hotline.acd.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.hotline.sip.registrar.ContactBinding;
import org.hotline.sip.registrar.RegistrationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the registrar's reachability news (an agent's softphone registered, or its last contact
 * removed or expired) to the ACD, whose routing offers calls only to reachable agents. The AOR is
 * the agent's work number (rule R3). Each notice is posted to the {@code acd} serial executor in
 * the order received, so the SIP stack or timer thread calling it never blocks.
 *
 * <p>Threading: any thread; holds no state of its own.
 */
public final class AcdRegistrationListener implements RegistrationListener {

    private static final Logger log = LoggerFactory.getLogger(AcdRegistrationListener.class);

    private final AcdDriver driver;

    public AcdRegistrationListener(AcdDriver driver) {
        this.driver = Objects.requireNonNull(driver, "driver");
    }

    /** At start-up nobody is registered yet: marks these agents unreachable until their first REGISTER. */
    public void startUnreachable(Collection<String> workNumbers) {
        workNumbers.forEach(this::agentUnreachable);
    }

    @Override
    public void agentReachable(String aor, List<ContactBinding> contacts) {
        report(aor, true);
    }

    @Override
    public void agentUnreachable(String aor) {
        report(aor, false);
    }

    private void report(String aor, boolean reachable) {
        try {
            driver.agentReachable(aor, reachable);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("agent", aor).addKeyValue("reachable", reachable).setCause(e)
                    .log("could not pass the agent's reachability to the ACD");
        }
    }
}
