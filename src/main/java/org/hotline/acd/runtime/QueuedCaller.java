package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.acd.runtime.CallerCommand.Announce;
import org.hotline.acd.runtime.CallerCommand.CancelOffers;
import org.hotline.acd.runtime.CallerCommand.Connect;
import org.hotline.acd.runtime.CallerCommand.HungUp;
import org.hotline.acd.runtime.CallerCommand.NotServed;
import org.hotline.acd.runtime.CallerCommand.Offer;
import org.hotline.acd.runtime.CallerCommand.OfferCallback;
import org.hotline.acd.runtime.CallerCommand.Overflowed;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentOffer;
import org.hotline.call.CallControl;
import org.hotline.call.CallHungUpException;
import org.hotline.call.QueueOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's stay in the ACD, on the caller's virtual thread:
 * <pre>
 *   join ─ music ─ mailbox: Announce (R7) ─ Offer / CancelOffers (ring agents) ─ Overflowed (R9 phrase)
 *          │        ├ NotServed ─────────────────────────────────────────────► NOT_SERVED
 *          │        ├ OfferCallback ─ keys: {@link CallbackOffer} ─ confirmed ─► CALLBACK (rule R12)
 *          │        └ Connect ─ {@link Conversation} ─ agent hung up ─────────► SERVED
 *          │                                          └ agent transferred ─ join the target queue
 *          └ caller hangs up anywhere ─ cancel offers, hang up the agent leg, tell the engine, rethrow
 * </pre>
 * The engine times everything (ring timeouts, R7 in queue, maximum wait); this class only carries
 * out its commands, so the caller's thread adds no timer of its own while waiting.
 *
 * <p>Threading: the caller's virtual thread only (agent offers' outcomes go to the ACD executor).
 */
final class QueuedCaller {

    private static final Logger log = LoggerFactory.getLogger(QueuedCaller.class);

    private final AcdQueueGateway.Context context;
    private final CallControl call;
    private final String callId;
    private final String language;
    private final CallerMailbox mailbox;
    private final CallerAudio audio;
    private final CallbackOffer callback;
    private final Map<String, AgentOffer> offers = new LinkedHashMap<>();
    private QueueCallerSettings queue;
    private AgentLeg leg;

    QueuedCaller(AcdQueueGateway.Context context, CallControl call, String language, CallerMailbox mailbox) {
        this.context = context;
        this.call = call;
        this.callId = call.info().callId();
        this.language = language;
        this.mailbox = mailbox;
        this.audio = new CallerAudio(call, language);
        this.callback = new CallbackOffer(context, call, language, audio, () -> queue.queue());
    }

    /** How the wait ended. */
    private sealed interface Waited {
        record Connected(Connect connect) implements Waited {}

        record NotServed() implements Waited {}

        /** Rule R12: the caller keeps their place as a callback and leaves. */
        record CalledBack() implements Waited {}
    }

    QueueOutcome run(String firstQueue) {
        try {
            String next = firstQueue;
            Optional<String> preferredAgent = Optional.empty();
            while (true) {
                join(next, preferredAgent);
                Connect connect;
                switch (waitForAgent()) {
                    case Waited.Connected connected -> connect = connected.connect();
                    case Waited.NotServed notServed -> {
                        return QueueOutcome.NOT_SERVED;
                    }
                    case Waited.CalledBack calledBack -> {
                        return QueueOutcome.CALLBACK;
                    }
                }
                leg = connect.leg();
                Optional<Conversation.Transfer> transferTo = new Conversation(context, call, language, queue, audio, connect).run();
                leg = null;
                if (transferTo.isEmpty()) {
                    return QueueOutcome.SERVED;
                }
                next = transferTo.get().queue();
                preferredAgent = transferTo.get().preferredAgent();
            }
        } catch (RuntimeException e) {
            leave(e);
            throw e;
        } finally {
            audio.stop();
        }
    }

    private void join(String queueName, Optional<String> preferredAgent) {
        queue = context.directory().settings(queueName);
        audio.music(queue.musicOnHold());
        try {
            context.driver().join(callId, queueName, queue.priority(), preferredAgent)
                    .get(AcdQueueGateway.JOIN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the ACD did not place call " + callId + " in " + queueName, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining " + queueName, e);
        }
    }

    /** Carries out the engine's commands until it connects the caller, gives up, or the caller is called back. */
    private Waited waitForAgent() {
        while (true) {
            audio.settle();
            Optional<CallerCommand> next = mailbox.take(pollInterval());
            if (callback.poll()) {
                cancelAllOffers(); // the engine withdrew them with the caller's place
                return new Waited.CalledBack();
            }
            if (next.isEmpty()) {
                continue;
            }
            switch (next.get()) {
                case Announce announce -> audio.announce( // rule R7, timed by the engine from queue entry
                        AcdPrompts.waitAnnouncement(announce.position(), announce.expectedWait(), language));
                case Offer offer -> offer.agents().forEach(this::offer);
                case CancelOffers cancel -> cancel.agents().forEach(this::cancelOffer);
                case Overflowed overflowed -> {
                    queue = context.directory().settings(overflowed.toQueue());
                    audio.announce(List.of(AcdPrompts.TRANSFER_CONNECTING), queue.musicOnHold()); // rule R9
                }
                case NotServed notServed -> {
                    cancelAllOffers();
                    return new Waited.NotServed();
                }
                case Connect connect -> {
                    offers.remove(connect.agent());
                    cancelAllOffers(); // ring-all: the engine CANCELs the others too; never two connects
                    return new Waited.Connected(connect);
                }
                case OfferCallback offer -> callback.offered(offer.expectedWait()); // rule R12
                case HungUp hungUp -> throw new CallHungUpException(callId);
            }
        }
    }

    /** The sooner of the announcement's end and the next look at the callback keys. */
    private Optional<Duration> pollInterval() {
        Optional<Duration> audioPoll = audio.pollInterval();
        Optional<Duration> keyPoll = callback.pollInterval();
        if (audioPoll.isEmpty()) {
            return keyPoll;
        }
        return keyPoll.isPresent() && keyPoll.get().compareTo(audioPoll.get()) < 0 ? keyPoll : audioPoll;
    }

    private void offer(String agent) {
        try {
            offers.put(agent, call.offerAgent(agent, context.driver().offerListener(callId, agent)));
        } catch (CallHungUpException e) {
            throw e;
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("callId", callId).addKeyValue("agent", agent).setCause(e)
                    .log("could not ring the agent; reported as a failed offer");
            context.driver().offerListener(callId, agent).failed(String.valueOf(e.getMessage()));
        }
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

    /** The caller hung up (or the front failed): nothing of this caller may stay behind. */
    private void leave(RuntimeException cause) {
        try {
            cancelAllOffers();
            if (leg != null) {
                leg.hangup();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            context.driver().callerLeft(callId);
        }
        if (!(cause instanceof CallHungUpException)) {
            log.atWarn().addKeyValue("callId", callId).setCause(cause).log("left the ACD on a failure");
        }
    }
}
