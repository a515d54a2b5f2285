package org.hotline.config;

import java.util.List;

/**
 * The agents section: the digest realm their softphones authenticate in, and the agents.
 *
 * @param realm            the digest realm (RFC 7616 §3.3) every HA1 was computed for; default {@code hotline}
 * @param digestAlgorithms the digest algorithms challenges offer, in order; default {@code [SHA-256, MD5]}
 *                         (RFC 8760 §2.4). Some softphones (baresip 1.0) fail on any challenge but
 *                         MD5: a site with such phones lists {@code [MD5]} alone
 * @param members          the agents; default none (callers then wait or fail as each queue says)
 */
public record AgentsConfig(String realm, List<String> digestAlgorithms, List<AgentConfig> members) {

    public static final List<String> KNOWN_DIGEST_ALGORITHMS = List.of("SHA-256", "MD5");
}
