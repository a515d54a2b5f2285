package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agents in an Asterisk site change status with feature codes that the dialplan sends to Hotline. */
class AgiFeatureCodeTest {

    @Test
    void featureCodeStarOneMakesTheAgentAvailableAndSaysSo() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            site.awaitAgents("\"workNumber\":\"1001\"");

            site.play(AsteriskSite.transcript("feature-ready.agi", Map.of())).get();

            site.awaitAgents("\"status\":\"AVAILABLE\"");
            // reachability comes from the AMI endpoint list, read on its own connection: awaited, not raced
            site.awaitAgents("\"reachable\":true");
            assertTrue(site.agents().contains("\"workNumber\":\"1001\",\"displayName\":\"Demo Agent 1001\",\"status\":\"AVAILABLE\""),
                    site.agents());
        }
    }
}
