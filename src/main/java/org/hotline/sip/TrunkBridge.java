package org.hotline.sip;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.hotline.call.EndReason;
import org.hotline.call.OutboundCall.DialResult;
import org.hotline.call.TransferOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule R19's on-call line as a number: a caller bridged, B2BUA style, with a call Hotline places
 * through the trunk (the hotline's caller ID, not the caller's, as the trunk's policy usually
 * demands). The two media sessions relay each other until either side hangs up; then the other is
 * hung up too. Runs on the caller's virtual thread; stateless.
 */
final class TrunkBridge {

    private static final Duration UNTIL_DONE = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(TrunkBridge.class);

    private TrunkBridge() {
    }

    static TransferOutcome run(SipCall caller, TrunkCall onCall) {
        Runnable stopForward = () -> onCall.hangup(EndReason.CALLER_HANGUP);
        caller.endActions().add(stopForward);
        DialResult dialled = onCall.dial();
        if (dialled != DialResult.ANSWERED) {
            caller.endActions().remove(stopForward);
            log.atInfo().addKeyValue("callId", caller.callId()).addKeyValue("result", dialled)
                    .log("on-call number not reached through the trunk");
            return TransferOutcome.FAILED;
        }
        CallerSide far = onCall.side();
        caller.mediaSession().relayFrom(far.mediaSession());
        far.mediaSession().relayFrom(caller.mediaSession());
        log.atInfo().addKeyValue("callId", caller.callId()).log("caller bridged with the on-call number");
        try {
            Waits.await(CompletableFuture.anyOf(caller.ended(), far.ended()), UNTIL_DONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            caller.endActions().remove(stopForward);
            onCall.hangup(EndReason.COMPLETED);
            caller.mediaSession().relayFrom(null);
        }
        return TransferOutcome.TRANSFERRED;
    }
}
