package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CallStateTest {

    @Test
    void followsTheInviteDialogLifecycle() {
        assertEquals(CallState.ANSWERING, CallState.RINGING.to(CallState.ANSWERING));
        assertEquals(CallState.CONNECTED, CallState.ANSWERING.to(CallState.CONNECTED));
        assertEquals(CallState.ENDED, CallState.CONNECTED.to(CallState.ENDED));
        assertEquals(CallState.ENDED, CallState.RINGING.to(CallState.ENDED));
        assertEquals(CallState.ENDED, CallState.ANSWERING.to(CallState.ENDED));
    }

    @Test
    void rejectsIllegalTransitions() {
        assertThrows(IllegalStateException.class, () -> CallState.RINGING.to(CallState.CONNECTED));
        assertThrows(IllegalStateException.class, () -> CallState.CONNECTED.to(CallState.RINGING));
        assertThrows(IllegalStateException.class, () -> CallState.ENDED.to(CallState.ENDED));
        assertThrows(IllegalStateException.class, () -> CallState.ENDED.to(CallState.CONNECTED));
    }
}
