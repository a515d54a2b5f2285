package org.hotline;

import java.util.Objects;
import org.hotline.call.AgentFeatureCodes;
import org.hotline.config.AgentsConfig;
import org.hotline.sip.registrar.CredentialStore;
import org.hotline.sip.registrar.DigestCredential;
import org.hotline.sip.registrar.MapCredentialStore;
import org.hotline.sip.registrar.RegistrationListener;

/**
 * What the SIP front needs to let agents in (issue 3): their stored digest credentials and realm
 * for REGISTER (RFC 3261 §22), the ACD's answer to feature-code calls ({@code *1} ...), and who
 * hears of softphones becoming reachable. Built by the composition root from the configuration and
 * the ACD; immutable, any thread.
 */
public record AgentAccess(CredentialStore credentials, String realm, AgentFeatureCodes featureCodes,
        RegistrationListener registrations) {

    public AgentAccess {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(featureCodes, "featureCodes");
        Objects.requireNonNull(registrations, "registrations");
    }

    /** The agents' HA1 credentials as configured (rule R3: the work number is the user name). */
    public static CredentialStore credentials(AgentsConfig agents) {
        return MapCredentialStore.of(agents.members().stream()
                .map(agent -> new DigestCredential(agent.workNumber(), agents.realm(), agent.ha1Md5(), agent.ha1Sha256()))
                .toList());
    }
}
