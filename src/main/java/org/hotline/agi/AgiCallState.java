package org.hotline.agi;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hotline.acd.IllegalTransitionException;

/**
 * The life of an AGI call as Hotline sees it. Asterisk owns the channel; the FastAGI session is
 * Hotline's handle on it:
 * <pre>
 *   CONNECTED ── ANSWER ──► ANSWERED ──► ENDED
 *       └────────────────────────────────┘   (HANGUP notice, 511, connection closed, or our HANGUP)
 * </pre>
 */
enum AgiCallState {
    /** The session is open; the channel may still be ringing. */
    CONNECTED,
    /** ANSWER succeeded. */
    ANSWERED,
    /** Either side hung up; the one Ended event was emitted. */
    ENDED;

    private static final Map<AgiCallState, Set<AgiCallState>> NEXT = Map.of(
            CONNECTED, EnumSet.of(ANSWERED, ENDED),
            ANSWERED, EnumSet.of(ENDED),
            ENDED, EnumSet.noneOf(AgiCallState.class));

    AgiCallState to(AgiCallState next) {
        if (!NEXT.get(this).contains(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }
}
