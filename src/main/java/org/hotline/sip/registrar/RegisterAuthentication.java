package org.hotline.sip.registrar;

import java.util.Objects;

/**
 * The authentication side of {@link RegisterHandler}: where credentials come from, who judges
 * answers, and who counts failures. Immutable.
 */
public record RegisterAuthentication(CredentialStore credentials, DigestAuthenticator authenticator,
                                     SourceLockout lockout) {

    public RegisterAuthentication {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(lockout, "lockout");
    }
}
