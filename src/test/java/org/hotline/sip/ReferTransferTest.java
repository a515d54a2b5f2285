package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferTransferTest {

    @Test
    void readsSipfragStatusLines() {
        assertEquals(200, ReferTransfer.sipfragStatus("SIP/2.0 200 OK\r\n"));
        assertEquals(100, ReferTransfer.sipfragStatus("SIP/2.0 100 Trying"));
        assertEquals(486, ReferTransfer.sipfragStatus("  SIP/2.0 486 Busy Here\r\nContact: <sip:x@y>\r\n"));
        assertEquals(-1, ReferTransfer.sipfragStatus("INVITE sip:x@y SIP/2.0"));
        assertEquals(-1, ReferTransfer.sipfragStatus(null));
    }

    @Test
    void provisionalSipfragKeepsWaitingAndTheFirstFinalOneDecides() {
        ReferTransfer t = new ReferTransfer("sip:8001@example.com");
        t.onReferResponse(202);
        assertFalse(t.onSipfrag(100));
        assertFalse(t.outcome().isDone());
        assertTrue(t.onSipfrag(200));
        assertFalse(t.onSipfrag(503));
        assertTrue(t.outcome().join());
    }

    @Test
    void refusedReferFails() {
        ReferTransfer t = new ReferTransfer("sip:8001@example.com");
        t.onReferResponse(403);
        assertFalse(t.outcome().join());
    }
}
