package org.hotline.sip;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.call.EndReason;
import org.hotline.media.MediaSession;

/**
 * The party an agent leg of the B2BUA is bridged with, as the agent legs see it: a caller's
 * {@link SipCall}, or a customer Hotline dials through the trunk ({@link TrunkCall}, rule R12's
 * callback). Immutable; its parts are thread-safe.
 *
 * @param callId       the call's id in logs and the ACD (a callback's id for a callback)
 * @param number       who the agent's phone shows as calling (the caller's or the customer's number)
 * @param display      the display name the agent's phone shows, if any
 * @param mediaSession the party's media, relayed to and from the agent
 * @param ended        completes when the party's call ends
 * @param endActions   run once when the party's call ends (offers cancelled, legs hung up)
 */
record CallerSide(String callId, String number, Optional<String> display, MediaSession mediaSession,
        CompletableFuture<EndReason> ended, EndActions endActions) {

    boolean isEnded() {
        return ended.isDone();
    }
}
