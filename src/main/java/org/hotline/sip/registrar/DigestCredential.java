package org.hotline.sip.registrar;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An agent's digest credential as stored: only HA1 = H(user:realm:password) per algorithm
 * (RFC 7616 §3.4.2), never the password (issue 3 item 1). {@code user} is the agent's work number,
 * which is also the SIP user name (rule R3). Build one from a password with
 * {@link DigestCredentials#hash}.
 *
 * @param user      the work number, the user part of the agent's address-of-record
 * @param realm     the realm the HA1 values were computed for; must equal the registrar's realm
 * @param ha1Md5    H(user:realm:password) with MD5, 32 lower-case hex digits
 * @param ha1Sha256 H(user:realm:password) with SHA-256, 64 lower-case hex digits
 */
public record DigestCredential(String user, String realm, String ha1Md5, String ha1Sha256) {

    public DigestCredential {
        requireText(user, "user");
        requireText(realm, "realm");
        ha1Md5 = requireHex(ha1Md5, DigestAlgorithm.MD5, "ha1Md5");
        ha1Sha256 = requireHex(ha1Sha256, DigestAlgorithm.SHA_256, "ha1Sha256");
    }

    /** The HA1 to use for an answer computed with {@code algorithm}. */
    public String ha1(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> ha1Md5;
            case SHA_256 -> ha1Sha256;
        };
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(name + " must be non-blank and contain no ':'");
        }
    }

    private static String requireHex(String value, DigestAlgorithm algorithm, String name) {
        Objects.requireNonNull(value, name);
        if (value.length() != algorithm.hexLength() || !isHex(value)) {
            throw new IllegalArgumentException(
                    name + " must be " + algorithm.hexLength() + " hex digits (" + algorithm.token() + " HA1)");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static boolean isHex(String value) {
        return value.chars().allMatch(HexFormat::isHexDigit);
    }
}
