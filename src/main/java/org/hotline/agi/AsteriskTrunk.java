package org.hotline.agi;

import org.hotline.call.CallControl;
import org.hotline.call.OutboundCall;
import org.hotline.call.OutboundRoute;
import org.hotline.call.TransferOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk's trunk (a PJSIP endpoint of config/asterisk/pjsip.conf) as the outbound route of callers
 * who came through Asterisk: rule R19's after-hours forward to a {@code tel:} number is {@code EXEC
 * Dial} of {@code agi.outboundDial} from the caller's own AGI session, so the caller's channel is
 * bridged by Asterisk and Asterisk's trunk sets the caller ID. Hotline places no calls of its own
 * through it: callbacks (rule R12) are placed by the standalone front's trunk only, so {@link
 * #available} is false and an AGI caller is never offered one. Stateless.
 */
public final class AsteriskTrunk implements OutboundRoute {

    private static final Logger log = LoggerFactory.getLogger(AsteriskTrunk.class);

    /** Callbacks are not placed through Asterisk (issue 8: no AMI-originated callbacks). */
    @Override
    public OutboundCall prepare(String callId, String number) {
        throw new IllegalStateException("callbacks are not placed behind Asterisk: " + callId);
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public TransferOutcome bridge(CallControl caller, String number) {
        if (!(caller instanceof AgiCall agi)) {
            log.atWarn().addKeyValue("callId", caller.info().callId()).log("not an AGI call: cannot Dial through Asterisk");
            return TransferOutcome.FAILED;
        }
        return agi.dialOut(number);
    }
}
