package org.hotline.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest algorithms Hotline accepts (RFC 7616 §3.2, RFC 8760 §2.1), in the order challenges
 * offer them: SHA-256 first (RFC 8760 §2.4), MD5 for older softphones. The "-sess" variants are
 * not offered. Stateless; any thread.
 */
public enum DigestAlgorithm {
    SHA_256("SHA-256", "SHA-256"),
    MD5("MD5", "MD5");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The value of the {@code algorithm} parameter (RFC 7616 §3.3). */
    public String token() {
        return token;
    }

    /**
     * The algorithm an Authorization header names; absent means MD5 (RFC 7616 §3.3, "If this is
     * not present, it is assumed to be MD5"). Empty for anything not offered (e.g. MD5-sess).
     */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of(MD5);
        }
        String upper = token.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(upper)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** H(data) as lower-case hex (RFC 7616 §3.4.1, strings hashed as UTF-8). */
    public String hashHex(String data) {
        return HexFormat.of().formatHex(digest().digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Length of a hex digest of this algorithm: 32 for MD5, 64 for SHA-256. */
    public int hexLength() {
        return digest().getDigestLength() * 2;
    }

    MessageDigest digest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + jcaName, e);
        }
    }
}
