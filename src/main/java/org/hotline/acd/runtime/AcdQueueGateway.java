package org.hotline.acd.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.hotline.acd.CallbackEntry;
import org.hotline.call.CallControl;
import org.hotline.call.OutboundRoute;
import org.hotline.call.QueueGateway;
import org.hotline.call.QueueOutcome;
import org.hotline.call.QueueRequest;
import org.hotline.event.CallEventListener;

/**
 * The ACD as the call flow reaches it ({@link CallControl#handToQueue} delegates here): keeps the
 * caller company on the caller's own virtual thread from joining the queue until an agent's
 * conversation is over (SERVED), no agent could take the call (NOT_SERVED: the flow then says rule
 * R9's apology and the closing), or the caller hung up ({@link org.hotline.call.CallHungUpException}
 * is rethrown after the ACD and any agent leg were told, so the flow ends quietly). No path leaves
 * a caller without one of those three. The waiting and the conversation are {@link QueuedCaller}'s.
 *
 * <p>Immutable and shared by all calls; each {@link #enqueue} runs on its caller's virtual thread.
 */
public final class AcdQueueGateway implements QueueGateway {

    /** How long the caller's thread waits for the engine to place it; beyond that the flow apologises. */
    static final Duration JOIN_BOUND = Duration.ofSeconds(5);

    private final Context context;

    /**
     * @param agentLanguage the language of what agents hear (the queue-name whisper)
     */
    public AcdQueueGateway(AcdDriver driver, QueueDirectory directory, String agentLanguage, Clock clock,
            CallEventListener events) {
        this(driver, directory, agentLanguage, clock, events, OutboundRoute.NONE, CallbackSettings.DEFAULTS);
    }

    /**
     * @param route     where callbacks are dialled (rule R12); {@link OutboundRoute#NONE}: no callbacks offered
     * @param callbacks the keys and timeout of the callback exchange
     */
    public AcdQueueGateway(AcdDriver driver, QueueDirectory directory, String agentLanguage, Clock clock,
            CallEventListener events, OutboundRoute route, CallbackSettings callbacks) {
        this.context = new Context(driver, directory, agentLanguage, clock, events, route, callbacks);
    }

    /** What every queued caller shares. */
    record Context(AcdDriver driver, QueueDirectory directory, String agentLanguage, Clock clock,
            CallEventListener events, OutboundRoute route, CallbackSettings callbacks) {
        Context {
            Objects.requireNonNull(driver, "driver");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(agentLanguage, "agentLanguage");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(callbacks, "callbacks");
        }
    }

    /**
     * Rule R12 after a restart: puts the callbacks an earlier run left pending (the store's) back in
     * their places in line and starts placing them; completes with how many wait again. Call once
     * the trunk they are dialled through is started. Returns at once.
     */
    public CompletableFuture<Integer> restoreCallbacks(List<CallbackEntry> pending) {
        return new CallbackRestorer(context).restore(pending);
    }

    @Override
    public QueueOutcome enqueue(CallControl call, QueueRequest request) {
        CallerMailbox mailbox = context.driver().open(call.info().callId());
        try {
            call.whenHungUp(() -> mailbox.post(new CallerCommand.HungUp()));
            return new QueuedCaller(context, call, request.language(), mailbox).run(request.queue());
        } finally {
            context.driver().close(mailbox);
        }
    }
}
