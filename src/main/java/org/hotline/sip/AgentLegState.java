package org.hotline.sip;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of one INVITE we send to an agent's contact (our UAC side of the B2BUA). The INVITE
 * client transaction itself (RFC 3261 §17.1.1: Calling, Proceeding, Completed, Terminated) is run
 * by the stack; these states track the dialog on top of it:
 *
 * <pre>
 *  CALLING        --1xx------------------------------------------> RINGING
 *  CALLING        --cancel, no 1xx yet (§9.1: wait for one)-------> CANCEL_PENDING
 *  CANCEL_PENDING --1xx: CANCEL sent------------------------------> CANCELLING
 *  RINGING        --cancel: CANCEL sent---------------------------> CANCELLING
 *  CALLING/RINGING --first 2xx of the offer: ACK (§13.2.2.4)------> CONFIRMED
 *  any unanswered --2xx not wanted (lost race, cancelled): ACK+BYE-> RELEASING
 *  any unanswered --3xx-6xx (ACKed by the stack) / Timer B--------> ENDED
 *  CONFIRMED      --our BYE (§15.1.1)-----------------------------> RELEASING
 *  CONFIRMED/RELEASING --agent's BYE (§15.1.2)--------------------> ENDED
 *  RELEASING      --BYE answered or timed out---------------------> ENDED
 * </pre>
 */
enum AgentLegState {
    CALLING,
    RINGING,
    CANCEL_PENDING,
    CANCELLING,
    CONFIRMED,
    RELEASING,
    ENDED;

    private static final Map<AgentLegState, Set<AgentLegState>> ALLOWED = Map.of(
            CALLING, EnumSet.of(RINGING, CANCEL_PENDING, CONFIRMED, RELEASING, ENDED),
            RINGING, EnumSet.of(CANCELLING, CONFIRMED, RELEASING, ENDED),
            CANCEL_PENDING, EnumSet.of(CANCELLING, RELEASING, ENDED),
            CANCELLING, EnumSet.of(RELEASING, ENDED),
            CONFIRMED, EnumSet.of(RELEASING, ENDED),
            RELEASING, EnumSet.of(ENDED),
            ENDED, EnumSet.noneOf(AgentLegState.class));

    /** Not yet answered: the INVITE transaction still runs. */
    boolean unanswered() {
        return this == CALLING || this == RINGING || this == CANCEL_PENDING || this == CANCELLING;
    }

    /** The next state; throws if the transition table does not allow it. */
    AgentLegState to(AgentLegState next) {
        if (!ALLOWED.get(this).contains(next)) {
            throw new IllegalStateException("illegal agent leg transition " + this + " -> " + next);
        }
        return next;
    }
}
