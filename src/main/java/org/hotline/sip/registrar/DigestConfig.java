package org.hotline.sip.registrar;

import java.time.Duration;
import java.util.Objects;

/**
 * Digest challenge settings, validated when built.
 *
 * @param realm         the protection space (RFC 7616 §3.3); stored HA1 values are computed for it
 * @param nonceLifetime how long a nonce is accepted; an answer with an older nonce but the right
 *                      password gets a {@code stale=true} challenge (RFC 7616 §3.3)
 */
public record DigestConfig(String realm, Duration nonceLifetime) {

    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);

    public DigestConfig {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonceLifetime, "nonceLifetime");
        if (realm.isBlank() || realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0 || realm.indexOf(':') >= 0) {
            throw new IllegalArgumentException("realm must be non-blank without '\"', '\\' or ':': " + realm);
        }
        if (nonceLifetime.isNegative() || nonceLifetime.isZero()) {
            throw new IllegalArgumentException("nonceLifetime must be positive: " + nonceLifetime);
        }
    }

    public static DigestConfig withDefaults(String realm) {
        return new DigestConfig(realm, DEFAULT_NONCE_LIFETIME);
    }
}
