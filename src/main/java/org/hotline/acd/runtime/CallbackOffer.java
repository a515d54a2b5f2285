package org.hotline.acd.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.hotline.acd.CallbackTicket;
import org.hotline.call.Announcement;
import org.hotline.call.CallControl;
import org.hotline.call.CallInfo;
import org.hotline.event.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule R12 on the waiting caller's side: when the ACD offers a callback, says so over the music,
 * runs the {@link CallbackDialog} on the keys the caller presses while still waiting in line,
 * and, once a number is confirmed, asks the ACD to turn the caller into a callback (opening its
 * mailbox first), starts the {@link CallbackRunner} that will place it, and tells the caller they
 * may hang up. An agent who answers meanwhile still wins: {@link QueuedCaller} keeps reading its
 * mailbox between the keys.
 *
 * <p>Threading: the caller's virtual thread only.
 */
final class CallbackOffer {

    /** How often keys are read while a callback is offered. */
    static final Duration KEY_POLL = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(CallbackOffer.class);

    private final AcdQueueGateway.Context context;
    private final CallControl call;
    private final String callId;
    private final String language;
    private final CallerAudio audio;
    private final Supplier<String> queue;
    private CallbackDialog dialog;

    CallbackOffer(AcdQueueGateway.Context context, CallControl call, String language, CallerAudio audio,
            Supplier<String> queue) {
        this.context = context;
        this.call = call;
        this.callId = call.info().callId();
        this.language = language;
        this.audio = audio;
        this.queue = queue;
    }

    /**
     * The ACD offers a callback: say so, unless no callback can be placed: no trunk, or a caller who
     * came through Asterisk (callbacks are placed by the standalone front's trunk and agents only;
     * never a promise that cannot be kept, rule R12).
     */
    void offered(Optional<Duration> expectedWait) {
        if (dialog != null || !context.route().available() || call.info().front() != CallInfo.Front.SIP) {
            log.atDebug().addKeyValue("callId", callId).log("callback offer skipped: offered already, no trunk, or an AGI caller");
            return;
        }
        dialog = new CallbackDialog(context.callbacks(), call.info().caller(), language);
        call.clearDigits();
        audio.announce(dialog.offer());
        context.events().onEvent(new CallEvent.CallbackOffered(callId, now(), queue.get(), expectedWait));
    }

    /** While offered, how soon to look for keys again. */
    Optional<Duration> pollInterval() {
        return dialog == null ? Optional.empty() : Optional.of(KEY_POLL);
    }

    /** Reads the keys pressed so far and moves the exchange on; true once the caller is a callback. */
    boolean poll() {
        if (dialog == null) {
            return false;
        }
        for (Optional<Character> key = call.awaitDigit(Duration.ZERO); key.isPresent(); key = call.awaitDigit(Duration.ZERO)) {
            context.events().onEvent(new CallEvent.DigitReceived(callId, now(), key.get()));
            if (step(dialog.key(key.get(), now()))) {
                return true;
            }
        }
        return audio.pollInterval().isEmpty() && step(dialog.idle(now()));
    }

    private boolean step(CallbackDialog.Step step) {
        return switch (step) {
            case CallbackDialog.Step.Nothing nothing -> false;
            case CallbackDialog.Step.Say say -> {
                audio.announce(say.prompts());
                yield false;
            }
            case CallbackDialog.Step.Closed closed -> false; // the music plays on
            case CallbackDialog.Step.Confirmed confirmed -> request(confirmed.number());
        };
    }

    /** Asks the ACD; false if the caller is no longer waiting (an agent took them meanwhile). */
    private boolean request(String number) {
        String callbackId = CallbackTicket.idFor(callId);
        CallerMailbox mailbox = context.driver().open(callbackId);
        Optional<CallbackTicket> ticket;
        try {
            ticket = context.driver().requestCallback(callId, number, language)
                    .get(AcdQueueGateway.JOIN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            context.driver().close(mailbox);
            throw new IllegalStateException("the ACD did not take the callback of " + callId, e);
        } catch (InterruptedException e) {
            context.driver().close(mailbox);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for a callback", e);
        }
        if (ticket.isEmpty() || ticket.get().merged()) {
            context.driver().close(mailbox);
        }
        if (ticket.isEmpty()) {
            log.atInfo().addKeyValue("callId", callId).log("callback not taken: the caller is no longer waiting");
            return false;
        }
        if (!ticket.get().merged()) {
            CallbackRunner.start(context, new CallbackRunner.Request(callbackId, callId, queue.get(), number, language),
                    mailbox);
        }
        context.events().onEvent(new CallEvent.CallbackRequested(callId, now(), queue.get(), ticket.get().callbackId(),
                number, ticket.get().merged(), ticket.get().waited()));
        log.atInfo().addKeyValue("callId", callId).addKeyValue("callbackId", ticket.get().callbackId())
                .addKeyValue("merged", ticket.get().merged()).log("caller keeps their place as a callback (rule R12)");
        audio.stop();
        call.play(Announcement.of(language, CallbackPrompts.CONFIRMED));
        return true;
    }

    private Instant now() {
        return context.clock().instant();
    }
}
