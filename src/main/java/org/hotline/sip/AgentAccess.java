package org.hotline.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotline.call.AgentFeatureCodes;
import org.hotline.sip.registrar.CredentialStore;
import org.hotline.sip.registrar.DigestAlgorithm;
import org.hotline.sip.registrar.DigestConfig;
import org.hotline.sip.registrar.LockoutConfig;
import org.hotline.sip.registrar.RegistrarConfig;
import org.hotline.sip.registrar.RegistrationListener;

/**
 * What the front needs to serve agents' softphones (issue 3): their digest credentials and realm
 * (REGISTER and feature-code INVITEs are authenticated, RFC 3261 §22), who learns when an agent
 * becomes reachable or unreachable (the ACD), and what a feature code does. Immutable.
 *
 * @param credentials   stored HA1s by work number (rule R3)
 * @param realm         the digest realm the HA1s were computed for
 * @param registrations told when an agent's first contact registers or its last one lapses
 * @param featureCodes  applies {@code *1}, {@code *2}, ... dialled by an authenticated agent
 * @param registrar     registration lifetimes and limits
 * @param lockout       when repeated wrong passwords lock a source address out
 * @param digestAlgorithms the digest algorithms challenges offer, in order ({@link DigestConfig#algorithms()})
 */
public record AgentAccess(
        CredentialStore credentials,
        String realm,
        RegistrationListener registrations,
        AgentFeatureCodes featureCodes,
        RegistrarConfig registrar,
        LockoutConfig lockout,
        List<DigestAlgorithm> digestAlgorithms) {

    /** No agents: every REGISTER gets 404 and every feature code 403 (the issue 2 front). */
    public static final AgentAccess NONE = new AgentAccess(user -> Optional.empty(), "hotline",
            RegistrationListener.NONE, (workNumber, code) -> List.of("fallback.sorry"));

    public AgentAccess {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(registrations, "registrations");
        Objects.requireNonNull(featureCodes, "featureCodes");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(lockout, "lockout");
        digestAlgorithms = digest(realm, digestAlgorithms).algorithms(); // refuses what a challenge cannot carry
    }

    /** The digest challenge settings for these agents. */
    public DigestConfig digest() {
        return digest(realm, digestAlgorithms);
    }

    private static DigestConfig digest(String realm, List<DigestAlgorithm> algorithms) {
        return new DigestConfig(realm, DigestConfig.DEFAULT_NONCE_LIFETIME, algorithms);
    }

    /** With the default registration lifetimes and lockout. */
    public AgentAccess(CredentialStore credentials, String realm, RegistrationListener registrations,
            AgentFeatureCodes featureCodes) {
        this(credentials, realm, registrations, featureCodes, List.of(DigestAlgorithm.values()));
    }

    /** With the default registration lifetimes and lockout, offering these digest algorithms. */
    public AgentAccess(CredentialStore credentials, String realm, RegistrationListener registrations,
            AgentFeatureCodes featureCodes, List<DigestAlgorithm> digestAlgorithms) {
        this(credentials, realm, registrations, featureCodes, RegistrarConfig.defaults(), LockoutConfig.defaults(),
                digestAlgorithms);
    }
}
