package org.hotline.sip.registrar;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Turns a password into a stored {@link DigestCredential} (used by {@code hotline hash-password}).
 * The password is taken as a {@code char[]} so the caller (e.g. {@code Console.readPassword}) can
 * wipe it; this class wipes its own UTF-8 copy. Stateless; any thread.
 */
public final class DigestCredentials {

    private DigestCredentials() {
    }

    /** HA1 = H(user:realm:password) for MD5 and SHA-256 (RFC 7616 §3.4.2). */
    public static DigestCredential hash(String user, String realm, char[] password) {
        return new DigestCredential(user, realm,
                ha1(DigestAlgorithm.MD5, user, realm, password),
                ha1(DigestAlgorithm.SHA_256, user, realm, password));
    }

    private static String ha1(DigestAlgorithm algorithm, String user, String realm, char[] password) {
        MessageDigest digest = algorithm.digest();
        digest.update((user + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        var encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            digest.update(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
