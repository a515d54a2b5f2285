package org.hotline.config;

import java.util.List;

/** The agents section: the digest realm their softphones authenticate in, and the agents. */
public record AgentsConfig(String realm, List<AgentConfig> members) {
}
