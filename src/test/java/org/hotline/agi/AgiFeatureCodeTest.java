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
            assertTrue(site.agents().contains("\"reachable\":true"), site.agents());
        }
    }
}
