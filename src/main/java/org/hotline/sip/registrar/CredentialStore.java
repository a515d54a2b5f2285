package org.hotline.sip.registrar;

import java.util.Optional;

/**
 * Where the registrar finds an agent's stored digest credential by work number (rule R3).
 * Called on SIP stack threads: implementations must be thread-safe and answer from memory.
 */
@FunctionalInterface
public interface CredentialStore {

    Optional<DigestCredential> find(String user);
}
