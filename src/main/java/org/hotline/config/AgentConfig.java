package org.hotline.config;

import java.util.Map;

/**
 * One agent (rule R3: the work number is the SIP user name, no shared logins). The digest
 * credential is stored only as HA1 hashes (RFC 7616 §3.4.2, H(workNumber:realm:password)), made by
 * {@code ./hotline hash-password}; never a plain password.
 *
 * @param queues queue name → level; lower levels are offered calls first (skills/penalties)
 */
public record AgentConfig(String workNumber, String displayName, Map<String, Integer> queues, String ha1Md5,
        String ha1Sha256) {
}
