package org.hotline.qa;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The API users' stored credential: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (PBKDF2-HMAC-SHA256, RFC 8018 §5.2; salt and hash in Base64), so the configuration never holds
 * a password. Verification takes constant time in the hash comparison. Stateless; any thread.
 */
public final class ApiPasswords {

    public static final int ITERATIONS = 210_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private ApiPasswords() {
    }

    /** A new stored form of {@code password} with a random salt. */
    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    /** True if {@code password} matches the stored form; false for a malformed one. */
    public static boolean verify(char[] password, String stored) {
        return parse(stored).map(parsed -> MessageDigest.isEqual(parsed.hash(), derive(password, parsed.salt(),
                parsed.iterations()))).orElse(false);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {}

    private static Optional<Parsed> parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
                    Base64.getDecoder().decode(parts[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
