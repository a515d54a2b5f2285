package org.hotline.sip;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of one INVITE dialog on our (UAS) side. The INVITE server transaction itself
 * (RFC 3261 §17.2.1: Proceeding, Completed, Confirmed, Terminated) is run by the stack; these
 * states track what the call has done on top of it:
 *
 * <pre>
 *  RINGING   --answer(): 2xx sent (§13.3.1.4)-------> ANSWERING
 *  ANSWERING --ACK received (§13.3.1.4)-------------> CONNECTED
 *  RINGING   --CANCEL (§9.2: 487) / our 480---------> ENDED
 *  ANSWERING --BYE / no ACK within 64*T1 / close----> ENDED
 *  CONNECTED --BYE either way (§15) / transfer------> ENDED
 * </pre>
 */
enum CallState {
    RINGING,
    ANSWERING,
    CONNECTED,
    ENDED;

    private static final Map<CallState, Set<CallState>> ALLOWED = Map.of(
            RINGING, EnumSet.of(ANSWERING, ENDED),
            ANSWERING, EnumSet.of(CONNECTED, ENDED),
            CONNECTED, EnumSet.of(ENDED),
            ENDED, EnumSet.noneOf(CallState.class));

    /** The next state; throws if the transition table does not allow it. */
    CallState to(CallState next) {
        if (!ALLOWED.get(this).contains(next)) {
            throw new IllegalStateException("illegal call transition " + this + " -> " + next);
        }
        return next;
    }
}
