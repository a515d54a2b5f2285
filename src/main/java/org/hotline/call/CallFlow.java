package org.hotline.call;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.config.HotlineConfig;
import org.hotline.config.HoursConfig.AfterHours;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call from answer to hang-up, against {@link CallControl} only, so it runs the same behind
 * any front:
 * <pre>
 *   answer ─ closed? ─ yes ─ greeting, after-hours.closed ─ MESSAGE: message offer, closing, hang up (R19)
 *              │                                          └ FORWARD: on-call transfer (R9); failed: message offer
 *              no
 *           greeting (R2) ─ menu (R4, R5, R6) ─ silent: goodbye, hang up (R5)
 *                                            └ queue: transfer.connecting, ACD ─ SERVED: survey (R11), closing (R10)
 *                                                                              ├ NOT_SERVED: transfer.failed (R9), message offer, closing
 *                                                                              ├ ACD failing: the same (R20)
 *                                                                              ├ CALLBACK: closing (R12)
 *                                                                              └ ABANDONED: nothing (caller gone)
 * </pre>
 * A caller's hang-up ends the flow quietly (the front reports it); any other failure still says
 * sorry and goodbye before hanging up (R20). The message offer is {@link MessageTaking}'s (rules
 * R9, R19, R20). Immutable and shared by all calls; {@link #run} runs on each call's own virtual
 * thread.
 */
public final class CallFlow {

    private static final Logger log = LoggerFactory.getLogger(CallFlow.class);
    private static final char LOWEST_SCORE = '1';
    private static final char HIGHEST_SCORE = '5';
    private static final String TEL = "tel:";

    private final HotlineConfig config;
    private final CallEventListener listener;
    private final Clock clock;
    private final GreetingSelector greetings;
    private final BusinessHours hours;
    private final MenuNavigator menu;
    private final MessageTaking messages;
    private final OutboundRoute trunk;

    public CallFlow(HotlineConfig config, CallEventListener listener, Clock clock) {
        this(config, listener, clock, MessageTaking.NONE, OutboundRoute.NONE);
    }

    /**
     * @param messages where callers who cannot be served may leave a message (rules R9, R19, R20)
     * @param trunk    where an on-call line given as a {@code tel:} number is dialled (rule R19)
     */
    public CallFlow(HotlineConfig config, CallEventListener listener, Clock clock, MessageTaking messages,
            OutboundRoute trunk) {
        this.messages = messages;
        this.trunk = trunk;
        this.config = config;
        this.listener = listener;
        this.clock = clock;
        this.greetings = new GreetingSelector(config.service().timeZone(), new HolidayCalendar(config.holidays()));
        this.hours = new BusinessHours(config.hours(), config.service().timeZone());
        this.menu = new MenuNavigator(config.ivr());
    }

    /** Runs the call to its end; blocks the calling (virtual) thread, never throws. */
    public void run(CallControl call) {
        CallSession session = new CallSession(call, config.service().defaultLanguage(), listener, clock);
        try {
            call.answer();
            if (hours.isOpen(session.now())) {
                serve(session);
            } else {
                afterHours(session);
            }
        } catch (CallHungUpException e) {
            log.atDebug().addKeyValue("callId", session.callId()).log("caller hung up; flow ends");
        } catch (RuntimeException e) {
            fail(session, e);
        }
    }

    private void serve(CallSession session) {
        greet(session);
        switch (menu.navigate(session)) {
            case MenuOutcome.ToQueue toQueue -> queue(session, toQueue);
            case MenuOutcome.SilentLine silent -> session.hangup(EndReason.SILENT_LINE);
        }
    }

    private void greet(CallSession session) {
        List<String> greeting = greetings.greeting(session.now());
        session.emit(new CallEvent.Greeted(session.callId(), session.now(), greeting));
        session.say(greeting);
    }

    private void queue(CallSession session, MenuOutcome.ToQueue target) {
        session.say(PromptNames.TRANSFER_CONNECTING); // rule R9
        session.emit(new CallEvent.QueueRequested(session.callId(), session.now(), target.queue(), target.path()));
        QueueOutcome outcome;
        MessageTaking.Reason failure = MessageTaking.Reason.NOT_SERVED;
        try {
            outcome = session.call().handToQueue(new QueueRequest(target.queue(), session.language(), target.path()));
        } catch (CallHungUpException e) {
            throw e;
        } catch (RuntimeException e) {
            // rule R20: the ACD failing is no reason to drop the caller; they may still leave a message
            log.atError().addKeyValue("callId", session.callId()).setCause(e).log("the ACD could not take the call");
            outcome = QueueOutcome.NOT_SERVED;
            failure = MessageTaking.Reason.ACD_UNAVAILABLE;
        }
        session.emit(new CallEvent.QueueLeft(session.callId(), session.now(), target.queue(), outcome.name()));
        switch (outcome) {
            case SERVED -> close(session, EndReason.COMPLETED, survey(session, target.queue()));
            case NOT_SERVED -> notServed(session, failure, target.queue());
            case ABANDONED -> log.atDebug().addKeyValue("callId", session.callId()).log("caller abandoned the queue");
            case CALLBACK -> close(session, EndReason.CALLBACK, List.of()); // rule R12: confirmed by the queue
        }
    }

    /** Rule R9: the apology, then a message may be left instead (rule R20), then the closing. */
    private void notServed(CallSession session, MessageTaking.Reason reason, String queue) {
        session.say(PromptNames.TRANSFER_FAILED);
        boolean left = messages.offer(session.call(), session.language(), reason, queue);
        close(session, left ? EndReason.MESSAGE_LEFT : EndReason.NOT_SERVED, List.of());
    }

    /** Rule R11: one key 1-5; returns the prompts to say before the closing (the thanks, if rated). */
    private List<String> survey(CallSession session, String queue) {
        session.call().clearDigits(); // keys pressed while talking to the agent are no rating
        session.offer(List.of(PromptNames.SURVEY_ASK));
        Optional<Character> key = session.awaitDigit(config.ivr().noInputTimeout());
        if (key.isEmpty() || key.get() < LOWEST_SCORE || key.get() > HIGHEST_SCORE) {
            return List.of();
        }
        session.emit(new CallEvent.SurveyAnswered(session.callId(), session.now(), queue, key.get() - '0'));
        return List.of(PromptNames.SURVEY_THANKS);
    }

    /** Rule R19: the hotline is closed; say so, and forward to the on-call line if configured. */
    private void afterHours(CallSession session) {
        greet(session);
        AfterHours afterHours = config.hours().afterHours();
        if (afterHours.action() == AfterHours.Action.MESSAGE) {
            session.say(PromptNames.AFTER_HOURS_CLOSED);
            boolean left = messages.offer(session.call(), session.language(), MessageTaking.Reason.AFTER_HOURS, null);
            close(session, left ? EndReason.MESSAGE_LEFT : EndReason.COMPLETED, List.of());
            return;
        }
        session.say(PromptNames.AFTER_HOURS_CLOSED, PromptNames.AFTER_HOURS_ONCALL, PromptNames.TRANSFER_CONNECTING);
        String target = afterHours.forwardUri();
        TransferOutcome outcome = target.startsWith(TEL)
                ? trunk.bridge(session.call(), target.substring(TEL.length())) // through the trunk, our caller ID
                : session.call().transfer(target); // REFER: the caller's side places the call
        boolean transferred = outcome == TransferOutcome.TRANSFERRED;
        session.emit(new CallEvent.TransferAttempted(session.callId(), session.now(), afterHours.forwardUri(), transferred));
        if (transferred) {
            session.hangup(EndReason.TRANSFERRED);
        } else {
            session.say(PromptNames.TRANSFER_FAILED); // rule R9
            boolean left = messages.offer(session.call(), session.language(), MessageTaking.Reason.AFTER_HOURS, null);
            close(session, left ? EndReason.MESSAGE_LEFT : EndReason.NOT_SERVED, List.of());
        }
    }

    /** Rule R10: {@code before}, then the closing, then hang up. */
    private void close(CallSession session, EndReason reason, List<String> before) {
        List<String> prompts = new ArrayList<>(before);
        prompts.add(greetings.closing(session.now()));
        session.say(prompts);
        session.hangup(reason);
    }

    /** Never drop the caller without a goodbye (rules R9, R20): apologise, close, hang up. */
    private void fail(CallSession session, RuntimeException failure) {
        log.atError().addKeyValue("callId", session.callId()).setCause(failure).log("call flow failed; apologising and hanging up");
        try {
            session.say(PromptNames.FALLBACK_SORRY, greetings.closing(session.now()));
        } catch (CallHungUpException e) {
            return;
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("callId", session.callId()).setCause(e).log("could not play the apology");
        }
        try {
            session.hangup(EndReason.FAILURE);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", session.callId()).setCause(e).log("could not hang up after a failure");
        }
    }
}
