package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Agents register with Asterisk; Hotline learns their reachability from AMI, and after the manager
 * connection is lost it trusts nothing it knew: every agent is unreachable until asterisk-java has
 * reconnected and the endpoints are re-read, so neither a stale agent nor an event missed while
 * disconnected leaves a wrong state. The AMI side is replayed from {@code asterisk.ami}.
 */
class AmiReconnectTest {

    private static final Pattern REACHABLE = Pattern.compile(
            "\"workNumber\":\"(\\d+)\"[^}]*\"reachable\":(true|false)");

    @Test
    void learnsReachabilityFromTheEndpointsReadAfterLogin() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            awaitReachability(site, true, true);
        }
    }

    @Test
    void followsDeviceStateChangesOfTheAgentsPhones() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            awaitReachability(site, true, true);

            site.ami.push("device-state", Map.of("Device", "PJSIP/1001", "State", "UNAVAILABLE"));
            awaitReachability(site, false, true);
            site.ami.push("device-state", Map.of("Device", "PJSIP/1001", "State", "NOT_INUSE"));
            awaitReachability(site, true, true);
            site.ami.push("device-state", Map.of("Device", "PJSIP/trunk", "State", "UNAVAILABLE"));
            site.ami.push("device-state", Map.of("Device", "PJSIP/1002", "State", "INUSE"));
            awaitReachability(site, true, true);
        }
    }

    @Test
    void rereadsTheEndpointsAfterReconnectingSoNoMissedChangeOrStaleAgentSurvives() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            awaitReachability(site, true, true);

            // Asterisk restarts; meanwhile 1001's phone lost its registration (no event reaches Hotline)
            site.ami.respond("PJSIPShowEndpoints", "endpoints-only-1002");
            site.ami.drop();
            site.ami.awaitAction("PJSIPShowEndpoints", 2, AsteriskSite.TIMEOUT);
            awaitReachability(site, false, true);
            assertEquals(2, site.ami.logins());

            // again, and now no agent endpoint is configured at all: nobody may stay reachable
            site.ami.respond("PJSIPShowEndpoints", "endpoints-none");
            site.ami.drop();
            site.ami.awaitAction("PJSIPShowEndpoints", 3, AsteriskSite.TIMEOUT);
            awaitReachability(site, false, false);
        }
    }

    private static void awaitReachability(AsteriskSite site, boolean agent1001, boolean agent1002) {
        String wanted = "1001=" + agent1001 + ", 1002=" + agent1002;
        CallEvents.waitUntil(() -> wanted.equals(reachability(site)), AsteriskSite.TIMEOUT,
                "reachability " + wanted + " (last seen " + reachability(site) + ")");
    }

    private static String reachability(AsteriskSite site) {
        try {
            Matcher matcher = REACHABLE.matcher(site.agents().replace(" ", ""));
            StringBuilder seen = new StringBuilder();
            while (matcher.find()) {
                seen.append(seen.isEmpty() ? "" : ", ").append(matcher.group(1)).append('=').append(matcher.group(2));
            }
            return seen.toString();
        } catch (Exception e) {
            return "unreadable: " + e;
        }
    }
}
