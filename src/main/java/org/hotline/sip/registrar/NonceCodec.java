package org.hotline.sip.registrar;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Self-verifying nonces: base64url(issued-at millis | 16 random bytes | truncated HMAC-SHA256 over
 * both and the source address the challenge was sent to). The server keeps no state per challenge,
 * a nonce cannot be forged or moved to another source address, and its age is known. The key is
 * drawn at construction, so nonces die with the process (clients then get a fresh challenge).
 * Immutable after construction; any thread.
 */
final class NonceCodec {

    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = Long.BYTES + RANDOM_BYTES + MAC_BYTES;

    private final SecureRandom random;
    private final SecretKeySpec key;

    NonceCodec(SecureRandom random) {
        this.random = random;
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        this.key = new SecretKeySpec(keyBytes, MAC_ALGORITHM);
    }

    String issue(Instant now, InetAddress source) {
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES);
        nonce.putLong(now.toEpochMilli());
        byte[] salt = new byte[RANDOM_BYTES];
        random.nextBytes(salt);
        nonce.put(salt);
        nonce.put(mac(nonce.array(), source));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    /** When the nonce was issued, if this process issued it to {@code source}; otherwise empty. */
    Optional<Instant> issuedAt(String nonce, InetAddress source) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != NONCE_BYTES) {
            return Optional.empty();
        }
        byte[] given = Arrays.copyOfRange(bytes, NONCE_BYTES - MAC_BYTES, NONCE_BYTES);
        if (!MessageDigest.isEqual(given, mac(bytes, source))) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(ByteBuffer.wrap(bytes).getLong()));
    }

    private byte[] mac(byte[] nonce, InetAddress source) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            mac.update(nonce, 0, Long.BYTES + RANDOM_BYTES);
            mac.update(source.getAddress());
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform must provide " + MAC_ALGORITHM, e);
        }
    }
}
