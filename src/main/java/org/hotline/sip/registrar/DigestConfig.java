package org.hotline.sip.registrar;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Digest challenge settings, validated when built.
 *
 * @param realm         the protection space (RFC 7616 §3.3); stored HA1 values are computed for it
 * @param nonceLifetime how long a nonce is accepted; an answer with an older nonce but the right
 *                      password gets a {@code stale=true} challenge (RFC 7616 §3.3)
 * @param algorithms    offered in this order and the only ones accepted; SHA-256 first by RFC 8760
 *                      §2.4, but some softphones (baresip 1.0) give up on a challenge they do not
 *                      know, so a site may offer MD5 alone
 */
public record DigestConfig(String realm, Duration nonceLifetime, List<DigestAlgorithm> algorithms) {

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
        algorithms = List.copyOf(algorithms);
        if (algorithms.isEmpty() || EnumSet.copyOf(algorithms).size() != algorithms.size()) {
            throw new IllegalArgumentException("algorithms must be one or more, each once: " + algorithms);
        }
    }

    /** Offers every algorithm, SHA-256 first (RFC 8760 §2.4). */
    public DigestConfig(String realm, Duration nonceLifetime) {
        this(realm, nonceLifetime, List.of(DigestAlgorithm.values()));
    }

    public static DigestConfig withDefaults(String realm) {
        return new DigestConfig(realm, DEFAULT_NONCE_LIFETIME);
    }
}
