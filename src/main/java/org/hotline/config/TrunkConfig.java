package org.hotline.config;

import java.time.Duration;

/**
 * The outbound route ({@code trunk:}): the SIP trunk callbacks (rule R12) and after-hours
 * forwarding to a {@code tel:} number (rule R19) go through. Either the provider knows Hotline by
 * its IP address (no {@code registration}), or Hotline registers with {@code auth}'s credentials;
 * either way a 401/407 challenge to an INVITE is answered with them (RFC 3261 §22.2, digest per
 * RFC 7616, MD5 or SHA-256). Every outbound call carries the hotline's caller ID. Defaults are in
 * {@link ConfigDefaults}.
 *
 * @param enabled      false (the default): no outbound calls, so no callbacks and no {@code tel:} forwarding
 * @param proxy        where every request to the trunk is sent
 * @param domain       the host part of the Request-URI, From and To (e.g. the provider's SIP domain);
 *                     default {@code proxy.host}
 * @param callerId     the hotline's number, the user part of From and P-Asserted-Identity on every
 *                     outbound call; digits, optionally after a {@code +}; default the first of
 *                     {@code service.numbers}
 * @param callerName   the display name of From; optional
 * @param auth         digest credentials; both empty (the default) for a trunk that trusts our IP address
 * @param registration whether and how often Hotline registers with the proxy
 * @param ringTimeout  how long an outbound call may ring before it is CANCELled, 5s-2m; default 30s
 */
public record TrunkConfig(
        boolean enabled,
        Proxy proxy,
        String domain,
        String callerId,
        String callerName,
        Auth auth,
        Registration registration,
        Duration ringTimeout) {

    /** No trunk: nothing is dialled out. */
    public static final TrunkConfig DISABLED = new TrunkConfig(false, new Proxy("", 5060, "udp"), "", "", "",
            new Auth("", ""), new Registration(false, Duration.ofHours(1)), Duration.ofSeconds(30));

    /**
     * @param host      the provider's proxy (or its SBC), a host name or address
     * @param port      1-65535; default 5060
     * @param transport {@code udp} or {@code tcp}, one of {@code sip.transports}; default {@code udp}
     */
    public record Proxy(String host, int port, String transport) {
    }

    /**
     * Digest credentials the provider issued. The password is needed in clear to answer challenges
     * of any realm and algorithm: keep the configuration file readable by the service user only.
     *
     * @param username the digest user name (often the account or the caller ID)
     * @param password the secret
     */
    public record Auth(String username, String password) {

        public boolean present() {
            return username != null && !username.isEmpty();
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Auth[username=" + username + ", password=" + (password == null || password.isEmpty() ? "" : "***") + "]";
        }
    }

    /**
     * @param enabled whether Hotline sends REGISTER to the proxy (needs {@code auth}); default false (static IP)
     * @param expires the registration's requested lifetime, 1m-24h; refreshed at 80% of what the
     *                registrar grants; default 1h
     */
    public record Registration(boolean enabled, Duration expires) {
    }
}
