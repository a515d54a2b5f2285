package org.hotline.config;

import java.util.List;

/**
 * The agents section: the digest realm their softphones authenticate in, and the agents.
 *
 * @param realm   the digest realm (RFC 7616 §3.3) every HA1 was computed for; default {@code hotline}
 * @param members the agents; default none (callers then wait or fail as each queue says)
 */
public record AgentsConfig(String realm, List<AgentConfig> members) {
}
