package org.hotline.sip.registrar;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CredentialStore} holding an immutable map built once from configuration. Immutable, so
 * any thread may read it.
 */
public final class MapCredentialStore implements CredentialStore {

    private final Map<String, DigestCredential> byUser;

    private MapCredentialStore(Map<String, DigestCredential> byUser) {
        this.byUser = Map.copyOf(byUser);
    }

    /** Rejects two credentials for the same work number (rule R3: no shared logins). */
    public static MapCredentialStore of(Collection<DigestCredential> credentials) {
        Map<String, DigestCredential> byUser = new HashMap<>();
        for (DigestCredential credential : credentials) {
            if (byUser.putIfAbsent(credential.user(), credential) != null) {
                throw new IllegalArgumentException("two credentials for user " + credential.user());
            }
        }
        return new MapCredentialStore(byUser);
    }

    @Override
    public Optional<DigestCredential> find(String user) {
        return Optional.ofNullable(byUser.get(user));
    }
}
