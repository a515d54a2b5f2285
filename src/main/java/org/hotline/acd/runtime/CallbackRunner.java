package org.hotline.acd.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.acd.CallbackEntry;
import org.hotline.acd.CallbackStatus;
import org.hotline.acd.CallbackVerdict;
import org.hotline.acd.runtime.CallerCommand.CancelOffers;
import org.hotline.acd.runtime.CallerCommand.Connect;
import org.hotline.acd.runtime.CallerCommand.Offer;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentOffer;
import org.hotline.call.Announcement;
import org.hotline.call.CallHungUpException;
import org.hotline.call.EndReason;
import org.hotline.call.OutboundCall;
import org.hotline.call.OutboundCall.DialResult;
import org.hotline.call.QueueOutcome;
import org.hotline.event.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One callback (rule R12) from its request to its end, on its own virtual thread
 * ({@code callback-<id>}), driven by the engine through the callback's mailbox like a caller:
 * <pre>
 *   Offer ─ prepare the call to the customer (its media), ring the agent on its behalf
 *   Connect ─ whisper to the agent who is called back ─ dial the customer through the trunk
 *             ├ answered ─ callback.intro, R8, R3 to the customer ─ {@link Conversation} ─ closing ─ COMPLETED
 *             └ busy / no answer / failed / agent left ─ callback.no-answer to the agent ─ engine:
 *                 RETRY (back in its place, after the minimum interval) ─ wait for the next Offer
 *                 GAVE_UP ─ over
 * </pre>
 * The agent is connected first, so the customer is never called without an agent ready for them.
 * The callback is a call of its own in the records: {@link CallEvent.Offered} (front
 * {@value #FRONT}) when it starts, every attempt and the end as call events under its id, then
 * one {@link CallEvent.Ended}.
 *
 * <p>Threading: its own virtual thread; the agent's leg ending while the customer's phone rings
 * cancels the dialling from whichever thread ends the leg.
 */
final class CallbackRunner {

    /**
     * @param callbackId  the ACD's id of the callback (its place in line)
     * @param requestedBy the call that asked for it
     * @param language    the caller's language, for what the customer hears
     */
    record Request(String callbackId, String requestedBy, String queue, String number, String language,
            Optional<Instant> requestedAt, int attemptsBefore) {

        /** A callback asked for just now. */
        Request(String callbackId, String requestedBy, String queue, String number, String language) {
            this(callbackId, requestedBy, queue, number, language, Optional.empty(), 0);
        }

        /** Rule R12: a callback an earlier run left pending, restored in its place. */
        static Request restored(CallbackEntry entry, String defaultLanguage) {
            return new Request(entry.callbackId(), entry.requestedBy(), entry.queue(), entry.number(),
                    entry.language() == null ? defaultLanguage : entry.language(), Optional.of(entry.requestedAt()),
                    entry.attempts());
        }
    }

    private enum Result { COMPLETED, FAILED }

    /** The {@code front} of a callback's {@link CallEvent.Offered}. */
    static final String FRONT = "CALLBACK";

    private static final Logger log = LoggerFactory.getLogger(CallbackRunner.class);

    private final AcdQueueGateway.Context context;
    private final Request request;
    private final String id;
    private final CallerMailbox mailbox;
    private final Map<String, AgentOffer> offers = new LinkedHashMap<>();
    private OutboundCall call;
    private int attempts;

    private CallbackRunner(AcdQueueGateway.Context context, Request request, CallerMailbox mailbox) {
        this.context = context;
        this.request = request;
        this.id = request.callbackId();
        this.mailbox = mailbox;
        this.attempts = request.attemptsBefore();
    }

    /** Starts the callback's thread; its mailbox is open already (the engine may offer it at once). */
    static void start(AcdQueueGateway.Context context, Request request, CallerMailbox mailbox) {
        Thread.ofVirtual().name("callback-" + request.callbackId())
                .start(() -> new CallbackRunner(context, request, mailbox).run());
    }

    private void run() {
        // The callback is a call of its own in records and recordings: Offered when asked for, Ended when it
        // is over (a restored one keeps its first request time, so its record keeps its arrival).
        context.events().onEvent(new CallEvent.Offered(id, request.requestedAt().orElseGet(context.clock()::instant),
                request.number(), request.number(), FRONT));
        try {
            while (true) {
                Connect connect = waitForAgent();
                if (attempt(connect) == Result.COMPLETED) {
                    finish("COMPLETED");
                    return;
                }
                if (verdict() == CallbackVerdict.GAVE_UP) {
                    finish("GAVE_UP");
                    return;
                }
            }
        } catch (RuntimeException e) {
            cancelAllOffers();
            if (call != null) {
                call.hangup(EndReason.FAILURE);
            }
            if (context.driver().closed()) {
                // rule R12: the server is stopping; the ledger keeps it pending and the next start restores it
                log.atInfo().addKeyValue("callId", id).addKeyValue("attempts", attempts)
                        .log("callback left pending for the next start (the ACD stopped)");
                return;
            }
            log.atWarn().addKeyValue("callId", id).addKeyValue("number", request.number()).setCause(e)
                    .log("callback given up before it could be placed");
            context.driver().callbackFinished(id, CallbackStatus.GAVE_UP);
            emitFinished("GAVE_UP");
        } finally {
            context.driver().close(mailbox);
        }
    }

    /** Carries out the engine's offers until an agent answered for this callback. */
    private Connect waitForAgent() {
        while (true) {
            CallerCommand command = mailbox.take(Optional.empty()).orElseThrow();
            switch (command) {
                case Offer offer -> offer.agents().forEach(this::offer);
                case CancelOffers cancel -> cancel.agents().forEach(this::cancelOffer);
                case Connect connect -> {
                    offers.remove(connect.agent());
                    cancelAllOffers();
                    return connect;
                }
                default -> log.atDebug().addKeyValue("callId", id).log("not for a callback: {}", command);
            }
        }
    }

    /** Rings the agent on behalf of the customer's call, prepared (its media opened) at the first offer. */
    private void offer(String agent) {
        if (call == null) {
            try {
                call = context.route().prepare(id, request.number());
            } catch (RuntimeException e) {
                context.driver().offerListener(id, agent).failed("cannot prepare the callback: " + e.getMessage());
                throw e;
            }
        }
        offers.put(agent, call.offerAgent(agent, context.driver().offerListener(id, agent)));
    }

    private Result attempt(Connect connect) {
        attempts++;
        OutboundCall customer = call;
        call = null;
        AgentLeg leg = connect.leg();
        leg.whisper(new Announcement(CallbackPrompts.whisper(request.number(), context.agentLanguage()),
                context.agentLanguage(), false));
        AtomicBoolean agentLeft = new AtomicBoolean();
        DialResult dialled = dialWatching(customer, leg, agentLeft);
        String result = agentLeft.get() ? "AGENT_GONE" : dialled.name();
        context.events().onEvent(new CallEvent.CallbackAttempted(id, context.clock().instant(), request.queue(),
                connect.agent(), attempts, result));
        log.atInfo().addKeyValue("callId", id).addKeyValue("attempt", attempts).addKeyValue("result", result)
                .log("callback attempt");
        if (dialled == DialResult.ANSWERED) {
            converse(customer, connect);
            return Result.COMPLETED;
        }
        if (!agentLeft.get()) {
            leg.whisper(Announcement.of(context.agentLanguage(), CallbackPrompts.NO_ANSWER));
        }
        leg.hangup();
        customer.hangup(EndReason.NOT_SERVED);
        return Result.FAILED;
    }

    /** Dials; the agent hanging up meanwhile stops the ringing (the leg's end takes no event from it). */
    private DialResult dialWatching(OutboundCall customer, AgentLeg leg, AtomicBoolean agentLeft) {
        AtomicBoolean dialling = new AtomicBoolean(true);
        leg.over().thenRun(() -> {
            if (dialling.get()) {
                agentLeft.set(true);
                customer.hangup(EndReason.CANCELLED);
            }
        });
        try {
            return customer.dial();
        } finally {
            dialling.set(false);
        }
    }

    /** The customer answered: introduced, bridged with the agent; a transfer re-queues them; then the closing. */
    private void converse(OutboundCall customer, Connect connect) {
        CallerAudio audio = new CallerAudio(customer, request.language());
        try {
            customer.play(Announcement.of(request.language(), CallbackPrompts.INTRO));
            QueueCallerSettings settings = context.directory().settings(request.queue()).withoutWhisper();
            Optional<Conversation.Transfer> transfer = new Conversation(context, customer, request.language(), settings,
                    audio, connect).run();
            if (transfer.isPresent()
                    && new QueuedCaller(context, customer, request.language(), mailbox).run(transfer.get().queue())
                            == QueueOutcome.NOT_SERVED) {
                customer.play(Announcement.of(request.language(), CallbackPrompts.TRANSFER_FAILED));
            }
            customer.play(Announcement.of(request.language(), CallbackPrompts.CLOSING));
            customer.hangup(EndReason.COMPLETED);
        } catch (CallHungUpException e) {
            log.atInfo().addKeyValue("callId", id).log("the customer hung up");
            connect.leg().hangup();
            context.driver().callerLeft(id);
        } finally {
            audio.stop();
        }
    }

    private CallbackVerdict verdict() {
        try {
            return context.driver().callbackAttemptFailed(id)
                    .get(AcdQueueGateway.JOIN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the ACD did not settle callback " + id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while settling callback " + id, e);
        }
    }

    private void finish(String outcome) {
        context.driver().callbackFinished(id, "COMPLETED".equals(outcome) ? CallbackStatus.COMPLETED : CallbackStatus.GAVE_UP);
        emitFinished(outcome);
        log.atInfo().addKeyValue("callId", id).addKeyValue("outcome", outcome).addKeyValue("attempts", attempts)
                .log("callback over");
    }

    private void emitFinished(String outcome) {
        context.events().onEvent(new CallEvent.CallbackFinished(id, context.clock().instant(), request.requestedBy(),
                request.queue(), outcome, attempts));
        context.events().onEvent(new CallEvent.Ended(id, context.clock().instant(),
                "COMPLETED".equals(outcome) ? EndReason.COMPLETED : EndReason.NOT_SERVED));
    }

    private void cancelOffer(String agent) {
        AgentOffer offer = offers.remove(agent);
        if (offer != null) {
            offer.cancel();
        }
    }

    private void cancelAllOffers() {
        List.copyOf(offers.keySet()).forEach(this::cancelOffer);
    }
}
