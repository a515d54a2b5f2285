package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DtmfInfoTest {

    @Test
    void readsDtmfRelayBodies() {
        assertEquals(Optional.of('5'), DtmfInfo.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        assertEquals(Optional.of('#'), DtmfInfo.parse("application/dtmf-relay", "Signal= #\nDuration= 250"));
        assertEquals(Optional.of('*'), DtmfInfo.parse("Application/DTMF-Relay", "signal=10\r\n"));
        assertEquals(Optional.of('#'), DtmfInfo.parse("application/dtmf-relay", "Signal=11\r\n"));
        assertEquals(Optional.of('A'), DtmfInfo.parse("application/dtmf-relay", "Signal=a\r\n"));
    }

    @Test
    void readsBareDtmfBodies() {
        assertEquals(Optional.of('7'), DtmfInfo.parse("application/dtmf", "7\r\n"));
        assertEquals(Optional.of('*'), DtmfInfo.parse("application/dtmf", "*"));
    }

    @Test
    void ignoresWhatIsNoKey() {
        assertEquals(Optional.empty(), DtmfInfo.parse("application/dtmf-relay", "Duration=160\r\n"));
        assertEquals(Optional.empty(), DtmfInfo.parse("application/dtmf-relay", "Signal=55\r\n"));
        assertEquals(Optional.empty(), DtmfInfo.parse("application/dtmf", "x"));
        assertEquals(Optional.empty(), DtmfInfo.parse("text/plain", "5"));
        assertEquals(Optional.empty(), DtmfInfo.parse("application/dtmf", null));
    }
}
