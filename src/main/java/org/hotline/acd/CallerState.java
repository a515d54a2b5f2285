package org.hotline.acd;

import java.util.Set;

/**
 * The lifecycle of a caller in the ACD, from joining a queue until they leave it. An overflow to
 * another queue keeps the caller {@link #WAITING}; only the queue changes.
 *
 * <p>Transition table:
 * <pre>
 *   WAITING -> OFFERED, ABANDONED, NOT_SERVED
 *   OFFERED -> WAITING, CONNECTED, ABANDONED     (offer failed: back in place; answered; hung up)
 *   CONNECTED, ABANDONED, NOT_SERVED: final
 * </pre>
 */
public enum CallerState {
    WAITING,
    /** One agent (sequential strategies) or several (ring-all) are being offered this caller. */
    OFFERED,
    CONNECTED,
    ABANDONED,
    /** Rule R9's failure path: maximum wait reached without overflow, or no agent logged in. */
    NOT_SERVED;

    public Set<CallerState> successors() {
        return switch (this) {
            case WAITING -> Set.of(OFFERED, ABANDONED, NOT_SERVED);
            case OFFERED -> Set.of(WAITING, CONNECTED, ABANDONED);
            case CONNECTED, ABANDONED, NOT_SERVED -> Set.of();
        };
    }

    public boolean canMoveTo(CallerState next) {
        return successors().contains(next);
    }

    /** Returns {@code next} if the table allows it, else throws {@link IllegalTransitionException}. */
    public CallerState moveTo(CallerState next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }
}
