package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Asterisk's device states become the ACD's reachability; the re-read after a reconnect wins only over older news. */
class AgentPresenceTest {

    private final List<String> told = new ArrayList<>();
    private final AgentPresence presence = new AgentPresence(List.of("1001", "1002"), "PJSIP/{workNumber}",
            (agent, reachable) -> told.add(agent + "=" + reachable));

    @Test
    void startsEveryAgentUnreachable() {
        presence.startUnreachable();
        assertEquals(List.of("1001=false", "1002=false"), told);
    }

    @Test
    void followsTheDeviceStateOfTheAgentsEndpointOnly() {
        presence.deviceState("PJSIP/1001", "NOT_INUSE");
        presence.deviceState("pjsip/1001", "INUSE");
        presence.deviceState("PJSIP/trunk", "NOT_INUSE");
        presence.deviceState("PJSIP/1001", "UNAVAILABLE");

        assertEquals(List.of("1001=true", "1001=false"), told);
    }

    @Test
    void readsTheWordsOfEndpointListsAndTheConstantsOfDeviceStateChanges() {
        assertTrue(AgentPresence.canRing("Not in use"));
        assertTrue(AgentPresence.canRing("RINGINUSE"));
        assertTrue(AgentPresence.canRing("On Hold"));
        assertFalse(AgentPresence.canRing("Unavailable"));
        assertFalse(AgentPresence.canRing("INVALID"));
        assertFalse(AgentPresence.canRing("Unknown"));
    }

    @Test
    void makesAgentsTheRereadDoesNotListUnreachable() {
        presence.deviceState("PJSIP/1001", "NOT_INUSE");
        presence.deviceState("PJSIP/1002", "NOT_INUSE");

        presence.reconcile(Map.of("1002", "In use", "trunk", "Not in use"), presence.mark());

        assertFalse(presence.isReachable("1001"));
        assertTrue(presence.isReachable("1002"));
    }

    @Test
    void keepsAnEventNewerThanTheRereadItRacedWith() {
        long mark = presence.mark();
        presence.deviceState("PJSIP/1001", "NOT_INUSE"); // arrives while the re-read is on its way

        presence.reconcile(Map.of("1001", "Unavailable"), mark);

        assertTrue(presence.isReachable("1001"));
    }

    @Test
    void makesEveryoneUnreachableWhileTheManagerConnectionIsDown() {
        presence.deviceState("PJSIP/1001", "NOT_INUSE");
        presence.disconnected();

        assertFalse(presence.isReachable("1001"));
        assertEquals(List.of("1001=true", "1001=false"), told);
    }
}
