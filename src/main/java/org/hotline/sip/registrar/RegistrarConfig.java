package org.hotline.sip.registrar;

import java.time.Duration;
import java.util.Objects;

/**
 * Registration lifetimes and limits, validated when built (whole seconds, min &lt;= default &lt;= max).
 *
 * @param minExpires          shorter non-zero requests get 423 with Min-Expires (RFC 3261 §10.3 step 7)
 * @param maxExpires          longer requests are shortened to this (RFC 3261 §10.3 step 7)
 * @param defaultExpires      used when neither the contact nor the request gives an expiry
 * @param maxContactsPerAgent registrations that would leave more live contacts are refused
 */
public record RegistrarConfig(Duration minExpires, Duration maxExpires, Duration defaultExpires,
                              int maxContactsPerAgent) {

    public static final Duration DEFAULT_MIN_EXPIRES = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_EXPIRES = Duration.ofHours(1);
    public static final Duration DEFAULT_DEFAULT_EXPIRES = Duration.ofHours(1);
    public static final int DEFAULT_MAX_CONTACTS_PER_AGENT = 10;

    public RegistrarConfig {
        requireWholeSeconds(minExpires, "minExpires");
        requireWholeSeconds(maxExpires, "maxExpires");
        requireWholeSeconds(defaultExpires, "defaultExpires");
        if (minExpires.compareTo(defaultExpires) > 0 || defaultExpires.compareTo(maxExpires) > 0) {
            throw new IllegalArgumentException("need minExpires <= defaultExpires <= maxExpires, got "
                    + minExpires + ", " + defaultExpires + ", " + maxExpires);
        }
        if (maxContactsPerAgent < 1) {
            throw new IllegalArgumentException("maxContactsPerAgent must be at least 1: " + maxContactsPerAgent);
        }
    }

    public static RegistrarConfig defaults() {
        return new RegistrarConfig(DEFAULT_MIN_EXPIRES, DEFAULT_MAX_EXPIRES, DEFAULT_DEFAULT_EXPIRES,
                DEFAULT_MAX_CONTACTS_PER_AGENT);
    }

    private static void requireWholeSeconds(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.getNano() != 0 || value.getSeconds() < 1 || value.getSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds >= 1: " + value);
        }
    }
}
