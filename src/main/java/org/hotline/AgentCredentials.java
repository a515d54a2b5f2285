package org.hotline;

import org.hotline.config.AgentsConfig;
import org.hotline.sip.registrar.CredentialStore;
import org.hotline.sip.registrar.DigestCredential;
import org.hotline.sip.registrar.MapCredentialStore;

/** Maps the configured agents onto the registrar's credential store (HA1 hashes only). */
final class AgentCredentials {

    private AgentCredentials() {
    }

    /** The agents' HA1 credentials as configured (rule R3: the work number is the user name). */
    static CredentialStore of(AgentsConfig agents) {
        return MapCredentialStore.of(agents.members().stream()
                .map(agent -> new DigestCredential(agent.workNumber(), agents.realm(), agent.ha1Md5(), agent.ha1Sha256()))
                .toList());
    }
}
