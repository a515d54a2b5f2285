package org.hotline.acd;

/**
 * A lifecycle was asked to move along an edge its transition table does not have (agent status,
 * agent state, queued caller). Always a programming error in the caller of the state machine: the
 * engine checks what an outside request may do before it moves a machine.
 */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final Enum<?> from;
    private final Enum<?> to;

    public IllegalTransitionException(Enum<?> from, Enum<?> to) {
        super(from.getDeclaringClass().getSimpleName() + ": no transition " + from + " -> " + to);
        this.from = from;
        this.to = to;
    }

    public Enum<?> from() {
        return from;
    }

    public Enum<?> to() {
        return to;
    }
}
