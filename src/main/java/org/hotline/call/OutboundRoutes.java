package org.hotline.call;

import java.util.Objects;

/**
 * The outbound route of each front, as the call flow and the ACD see one (issue 8): a caller is
 * bridged with a number through the trunk of the front they came in on (rule R19: Hotline's SIP
 * trunk for a standalone caller, Asterisk's for an AGI caller); calls Hotline places itself
 * (callbacks, rule R12) go through the standalone front's trunk. Immutable.
 *
 * @param standalone the SIP front's trunk ({@link OutboundRoute#NONE} without one)
 * @param asterisk   Asterisk's trunk, for callers on the FastAGI front
 */
public record OutboundRoutes(OutboundRoute standalone, OutboundRoute asterisk) implements OutboundRoute {

    public OutboundRoutes {
        Objects.requireNonNull(standalone, "standalone");
        Objects.requireNonNull(asterisk, "asterisk");
    }

    @Override
    public OutboundCall prepare(String callId, String number) {
        return standalone.prepare(callId, number);
    }

    @Override
    public boolean available() {
        return standalone.available();
    }

    @Override
    public TransferOutcome bridge(CallControl caller, String number) {
        return switch (caller.info().front()) {
            case SIP -> standalone.bridge(caller, number);
            case AGI -> asterisk.bridge(caller, number);
        };
    }
}
