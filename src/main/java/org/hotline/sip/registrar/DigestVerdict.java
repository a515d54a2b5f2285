package org.hotline.sip.registrar;

/**
 * What {@link DigestAuthenticator#verify} concluded about a request's Authorization header.
 * Only {@link #WRONG_RESPONSE} is a password guess and counts towards {@link SourceLockout}: it is
 * the only verdict reached by checking a response against a nonce this server sent to that very
 * source, so spoofed packets cannot lock a victim's address out and no verdict reveals whether a
 * guess was right without being counted.
 */
public enum DigestVerdict {
    /** The response is right for a fresh nonce and a new nonce-count. */
    AUTHENTICATED(false),
    /** No Digest Authorization for our realm: challenge (RFC 3261 §22.1). */
    NO_ANSWER(false),
    /** Right password, expired nonce: challenge with stale=true (RFC 7616 §3.3). */
    STALE(false),
    /** Right response but a nonce-count already seen for this nonce (RFC 7616 §3.4, §5.12): challenge. */
    REPLAYED(false),
    /** Wrong password (or wrong HA1): challenge again and count a failure. */
    WRONG_RESPONSE(true),
    /** A nonce this process did not issue to this source (forged, from another address, or from before a restart). */
    UNKNOWN_NONCE(false),
    /** An algorithm or qop we did not offer, including qop-less RFC 2069 answers. */
    UNSUPPORTED(false),
    /** The digest username is not the AOR being registered (rule R3: no shared logins): 403. */
    USERNAME_MISMATCH(false),
    /** A required parameter is missing or unparsable: 400. */
    MALFORMED(false),
    /** The digest-uri is not the Request-URI (RFC 7616 §3.4.6): 400. */
    URI_MISMATCH(false);

    private final boolean failedGuess;

    DigestVerdict(boolean failedGuess) {
        this.failedGuess = failedGuess;
    }

    /** Whether this verdict counts as a failed authentication for {@link SourceLockout}. */
    public boolean failedGuess() {
        return failedGuess;
    }
}
