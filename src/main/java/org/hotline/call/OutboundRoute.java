package org.hotline.call;

/**
 * Where Hotline places calls of its own (issue 8): the configured SIP trunk of the standalone
 * front. Callbacks (rule R12) and after-hours forwarding to a number (rule R19) use it; every
 * call it places carries the hotline's caller ID. Thread-safe.
 */
public interface OutboundRoute {

    /**
     * A call to {@code number}, prepared but not yet dialled: its media exists, so agents may be
     * offered on its behalf ({@link CallControl#offerAgent}) before {@link OutboundCall#dial}.
     *
     * @param callId what the call is known by in logs and the ACD (a callback's id)
     * @throws IllegalStateException if the route cannot place calls (no trunk, front not running)
     */
    OutboundCall prepare(String callId, String number);

    /** Whether calls can be placed at all. */
    boolean available();

    /**
     * Rule R19's on-call line as a number: dials {@code number} and, once answered, bridges
     * {@code caller} with it until either hangs up (blocks the caller's thread that long). The caller
     * hears the ringing as silence. TRANSFERRED once the bridged call is over; FAILED if the number
     * was not answered (the caller is still connected then) or the caller's front cannot be bridged.
     */
    TransferOutcome bridge(CallControl caller, String number);

    /** No trunk configured: nothing can be dialled. */
    OutboundRoute NONE = new OutboundRoute() {
        @Override
        public OutboundCall prepare(String callId, String number) {
            throw new IllegalStateException("no outbound route: trunk.enabled is false");
        }

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public TransferOutcome bridge(CallControl caller, String number) {
            return TransferOutcome.FAILED;
        }
    };
}
