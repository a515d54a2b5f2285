package org.hotline.sip;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of a call Hotline places through the trunk, on our (UAC) side; the INVITE client
 * transaction itself (RFC 3261 §17.1.1) is the stack's:
 *
 * <pre>
 *  PREPARED --dial(): INVITE sent-----------------------------------> CALLING
 *  CALLING  --1xx (§13.2.2.1); a 401/407 answered keeps CALLING------> RINGING
 *  CALLING, RINGING --2xx, ACKed (§13.2.2.4)-------------------------> CONNECTED
 *  CALLING, RINGING --3xx-6xx / timeout / CANCEL (§9.1)--------------> ENDED
 *  CONNECTED --BYE either way (§15)----------------------------------> ENDED
 *  PREPARED --hang-up before dialling--------------------------------> ENDED
 * </pre>
 */
enum TrunkCallState {
    PREPARED,
    CALLING,
    RINGING,
    CONNECTED,
    ENDED;

    private static final Map<TrunkCallState, Set<TrunkCallState>> ALLOWED = Map.of(
            PREPARED, EnumSet.of(CALLING, ENDED),
            CALLING, EnumSet.of(RINGING, CONNECTED, ENDED),
            RINGING, EnumSet.of(CONNECTED, ENDED),
            CONNECTED, EnumSet.of(ENDED),
            ENDED, EnumSet.noneOf(TrunkCallState.class));

    /** The next state; throws if the transition table does not allow it. */
    TrunkCallState to(TrunkCallState next) {
        if (!ALLOWED.get(this).contains(next)) {
            throw new IllegalStateException("illegal trunk call transition " + this + " -> " + next);
        }
        return next;
    }

    boolean ringing() {
        return this == CALLING || this == RINGING;
    }
}
