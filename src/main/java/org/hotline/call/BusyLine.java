package org.hotline.call;

import java.time.Clock;
import java.util.Objects;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule R20 under overload: a caller past {@code overload.maxCalls} is still answered (rule R1) and
 * hears busy.all-lines ("all lines are busy, please call again later") in their default language
 * before the hang-up, never a dead line. Each such call runs on its own short virtual thread
 * ({@code busy-<callId>}); immutable otherwise.
 */
public final class BusyLine implements IncomingCallHandler {

    public static final String BUSY_ALL_LINES = "busy.all-lines";

    private static final Logger log = LoggerFactory.getLogger(BusyLine.class);

    private final String language;
    private final CallEventListener events;
    private final Clock clock;

    public BusyLine(String language, CallEventListener events, Clock clock) {
        this.language = Objects.requireNonNull(language, "language");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onIncomingCall(CallControl call) {
        String callId = call.info().callId();
        events.onEvent(new CallEvent.CallRefused(callId, clock.instant(), call.info().caller(),
                CallAdmission.Decision.BUSY_MESSAGE.name()));
        Thread.ofVirtual().name("busy-" + callId).start(() -> run(call));
    }

    private void run(CallControl call) {
        String callId = call.info().callId();
        try {
            call.answer();
            call.play(Announcement.of(language, BUSY_ALL_LINES));
            call.hangup(EndReason.OVERLOADED);
        } catch (CallHungUpException e) {
            log.atDebug().addKeyValue("callId", callId).log("caller hung up during the busy message");
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).setCause(e).log("busy message failed; hanging up");
            call.hangup(EndReason.FAILURE);
        }
    }
}
