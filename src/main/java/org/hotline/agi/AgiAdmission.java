package org.hotline.agi;

import java.time.Clock;
import java.util.Optional;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.hotline.call.CallAdmission;
import org.hotline.call.IncomingCallHandler;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule R20's overload limit for callers who come through Asterisk, on the same {@link CallAdmission}
 * as the standalone front's, so {@code overload.maxCalls} counts every call the server handles. A
 * caller past it gets the configured treatment:
 * <ul>
 *   <li>{@code message}: the call is answered and hears busy.all-lines before the hang-up (the
 *       shared busy line, as on the standalone front);</li>
 *   <li>{@code reject}: never answered; Hotline sets {@value #RESULT_VARIABLE}={@value #CONGESTION} and
 *       {@value #RETRY_AFTER_VARIABLE} (seconds) and ends the script; the dialplan then refuses the
 *       call with 503 ({@code PJSIPHangup(503)}, or {@code Hangup(34)}: cause 34 is 503 to PJSIP).
 *       Asterisk adds no Retry-After to that 503 (config/asterisk/extensions.conf).</li>
 * </ul>
 * Called on the session's event loop: decides and sends without blocking. Immutable.
 */
final class AgiAdmission {

    static final String RESULT_VARIABLE = "HOTLINE_RESULT";
    static final String CONGESTION = "CONGESTION";
    static final String RETRY_AFTER_VARIABLE = "HOTLINE_RETRY_AFTER";

    private static final Logger log = LoggerFactory.getLogger(AgiAdmission.class);

    private final CallAdmission admission;
    private final IncomingCallHandler overloaded;
    private final CallEventListener events;
    private final Clock clock;

    AgiAdmission(CallAdmission admission, IncomingCallHandler overloaded, CallEventListener events, Clock clock) {
        this.admission = admission;
        this.overloaded = overloaded;
        this.events = events;
        this.clock = clock;
    }

    /** A caller's session opened: hands the call to {@code calls}, the busy line, or refuses it. */
    void onCaller(AgiSession session, AgiCallContext context, IncomingCallHandler calls) {
        switch (admission.admit(session.id())) {
            case ADMIT -> start(session, context, calls);
            case BUSY_MESSAGE -> start(session, context, overloaded);
            case REJECT -> reject(session);
        }
    }

    private static void start(AgiSession session, AgiCallContext context, IncomingCallHandler handler) {
        AgiCall call = new AgiCall(context, session);
        call.start();
        handler.onIncomingCall(call);
    }

    private void reject(AgiSession session) {
        String caller = Optional.ofNullable(session.request().getCallerIdNumber()).orElse("unknown");
        log.atWarn().addKeyValue("callId", session.id()).addKeyValue("admitted", admission.admittedCalls())
                .log("overload: refused to Asterisk as congestion");
        events.onEvent(new CallEvent.CallRefused(session.id(), clock.instant(), caller, CallAdmission.Decision.REJECT.name()));
        session.send(new SetVariableCommand(RETRY_AFTER_VARIABLE, String.valueOf(admission.retryAfter().toSeconds())));
        session.send(new SetVariableCommand(RESULT_VARIABLE, CONGESTION))
                .whenComplete((reply, failure) -> session.close()); // the dialplan continues: 503
    }
}
