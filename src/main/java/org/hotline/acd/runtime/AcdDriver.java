package org.hotline.acd.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hotline.acd.AcdActions;
import org.hotline.acd.AcdEngine;
import org.hotline.acd.AcdEvent.Party;
import org.hotline.acd.AcdEventListener;
import org.hotline.acd.AcdSetup;
import org.hotline.acd.AgentInfo;
import org.hotline.acd.AgentStatus;
import org.hotline.acd.CallbackEntry;
import org.hotline.acd.CallbackLedger;
import org.hotline.acd.CallbackStatus;
import org.hotline.acd.CallbackTicket;
import org.hotline.acd.CallbackVerdict;
import org.hotline.acd.NotServedReason;
import org.hotline.acd.QueueInfo;
import org.hotline.acd.StatusReply;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentOfferListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link AcdEngine} for the fronts: owns it on ONE {@link SerialExecutor}, posts every
 * report to it (callers joining and leaving, offers answered or failed, holds, status requests),
 * keeps a tick scheduled at the engine's next deadline (rescheduled after every task), and carries
 * out the engine's {@link AcdActions}: each becomes a {@link CallerCommand} in the caller's
 * {@link CallerMailbox}, read by the caller's own virtual thread ({@link AcdQueueGateway}), except
 * a rejected late answer, whose leg is hung up here (the caller may be long gone).
 *
 * <p>Threading: the public methods may be called from any thread and never block (replies are
 * futures). The engine, the answered-leg table and the tick fields are touched only by tasks on the
 * executor; the mailbox registry is a concurrent map shared with the callers' threads.
 */
public final class AcdDriver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AcdDriver.class);

    private final SerialExecutor executor;
    private final Clock clock;
    private final AcdEngine engine;
    private final Map<String, CallerMailbox> mailboxes = new ConcurrentHashMap<>();
    private final Map<LegKey, AgentLeg> answered = new HashMap<>();
    private SerialExecutor.Scheduled tick;
    private Instant tickAt;
    private volatile boolean closed;

    public AcdDriver(AcdSetup setup, Clock clock, SerialExecutor executor, AcdEventListener events) {
        this(setup, clock, executor, events, CallbackLedger.NONE);
    }

    /** @param ledger where queued callbacks are kept across restarts (rule R12; the store) */
    public AcdDriver(AcdSetup setup, Clock clock, SerialExecutor executor, AcdEventListener events,
            CallbackLedger ledger) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.engine = new AcdEngine(setup, clock, new MailboxActions(), events, ledger);
    }

    /** An answered leg waiting for the engine's verdict (connect or reject), by call and agent. */
    private record LegKey(String callId, String agent) {}

    // --- the callers' side (AcdQueueGateway, on each caller's virtual thread) ---

    /** Opens the caller's mailbox before it joins, so no command of the engine can be missed. */
    CallerMailbox open(String callId) {
        CallerMailbox mailbox = new CallerMailbox(callId);
        if (mailboxes.putIfAbsent(callId, mailbox) != null) {
            throw new IllegalStateException("call already in the ACD: " + callId);
        }
        return mailbox;
    }

    /** Closes the mailbox; an agent leg the caller never took is hung up (nobody else will). */
    void close(CallerMailbox mailbox) {
        mailboxes.remove(mailbox.callId(), mailbox);
        for (CallerCommand left : mailbox.close()) {
            if (left instanceof CallerCommand.Connect connect) {
                hangUpLater(mailbox.callId(), connect.leg());
            }
        }
    }

    /** Completes once the engine placed the caller; fails e.g. for an unknown queue. */
    CompletableFuture<Void> join(String callId, String queue, int priority) {
        return join(callId, queue, priority, Optional.empty());
    }

    /** As {@link #join(String, String, int)}, offered first to {@code preferredAgent} while that agent is eligible. */
    CompletableFuture<Void> join(String callId, String queue, int priority, Optional<String> preferredAgent) {
        return ask(engine -> {
            engine.callerJoined(callId, queue, priority, preferredAgent);
            return null;
        });
    }

    /** The registrar's news about an agent's softphone; posted to the {@code acd} thread, returns at once. */
    public void agentReachable(String workNumber, boolean reachable) {
        post(engine -> engine.agentReachable(workNumber, reachable));
    }

    /** The caller hung up: an abandon while waiting or ringing; the end of the conversation if bridged. */
    void callerLeft(String callId) {
        post(engine -> engine.callerLeft(callId));
    }

    void agentHold(String callId) {
        post(engine -> engine.agentHold(callId));
    }

    void agentResume(String callId) {
        post(engine -> engine.agentResume(callId));
    }

    /** The conversation is over: the agent hung up or transferred the caller away. */
    void callEnded(String callId, Party endedBy) {
        post(engine -> engine.callEnded(callId, endedBy));
    }

    /**
     * Rule R12: the waiting caller becomes a callback to {@code number} in their place; empty if
     * the caller is no longer waiting. Open the callback's mailbox ({@link CallbackTicket#idFor})
     * first: the engine may offer it to an agent within this very request.
     */
    CompletableFuture<Optional<CallbackTicket>> requestCallback(String callId, String number) {
        return requestCallback(callId, number, null);
    }

    /** As {@link #requestCallback(String, String)}; {@code language}: what the customer will hear. */
    CompletableFuture<Optional<CallbackTicket>> requestCallback(String callId, String number, String language) {
        return ask(engine -> engine.callbackRequested(callId, number, language));
    }

    /**
     * Rule R12 after a restart: the callbacks an earlier run left pending go back in their places;
     * completes with those now waiting. Open their mailboxes first.
     */
    CompletableFuture<List<CallbackEntry>> restoreCallbacks(List<CallbackEntry> pending) {
        return ask(engine -> engine.restoreCallbacks(pending));
    }

    /** Rule R12: the callback's attempt failed; its agent's call ends; retried later or given up. */
    CompletableFuture<CallbackVerdict> callbackAttemptFailed(String callbackId) {
        return ask(engine -> engine.callbackAttemptFailed(callbackId));
    }

    /** Rule R12: the callback is over: COMPLETED (served) or GAVE_UP (given up by its runner). */
    void callbackFinished(String callbackId, CallbackStatus end) {
        post(engine -> engine.callbackFinished(callbackId, end));
    }

    /** True once {@link #close()} began: a callback waiting then stays pending for the next start (rule R12). */
    boolean closed() {
        return closed;
    }

    /** Reports one offer's outcome to the engine; the front calls it on a stack thread. */
    AgentOfferListener offerListener(String callId, String agent) {
        return new AgentOfferListener() {
            @Override
            public void answered(AgentLeg leg) {
                post(engine -> legAnswered(callId, agent, leg));
            }

            @Override
            public void failed(String reason) {
                log.atInfo().addKeyValue("callId", callId).addKeyValue("agent", agent).addKeyValue("reason", reason)
                        .log("offer failed; the agent is skipped for this caller");
                post(engine -> engine.offerRejected(callId, agent));
            }
        };
    }

    // --- agents and operators (feature codes, HTTP API) ---

    /**
     * Asks for an agent's status. {@link AgentStatus#AVAILABLE} logs a logged-out agent in (rule R3)
     * and makes a logged-in one available; {@code reason} is required for {@link AgentStatus#NOT_READY}.
     */
    public CompletableFuture<StatusReply> requestStatus(String workNumber, AgentStatus status, String reason) {
        return ask(engine -> switch (status) {
            case AVAILABLE -> engine.agent(workNumber).filter(agent -> agent.status().isLoggedIn()).isPresent()
                    ? engine.available(workNumber)
                    : engine.login(workNumber);
            case NOT_READY -> engine.notReady(workNumber, reason);
            case ON_BREAK -> engine.takeBreak(workNumber);
            case LOGGED_OUT -> engine.logout(workNumber);
        });
    }

    public CompletableFuture<List<AgentInfo>> agents() {
        return ask(AcdEngine::agents);
    }

    public CompletableFuture<Optional<AgentInfo>> agent(String workNumber) {
        return ask(engine -> engine.agent(workNumber));
    }

    public CompletableFuture<List<QueueInfo>> queues() {
        return ask(AcdEngine::queues);
    }

    /**
     * Stops the executor; callers still queued are the fronts' to end (they are hung up first).
     * Every mailbox is closed, so a thread still waiting on one (a callback not yet placed) wakes up
     * and ends.
     */
    @Override
    public void close() {
        closed = true;
        mailboxes.values().forEach(CallerMailbox::close);
        executor.close();
    }

    // --- on the executor ---

    private void post(Consumer<AcdEngine> report) {
        ask(engine -> {
            report.accept(engine);
            return null;
        }).exceptionally(failure -> {
            log.error("ACD report failed", failure);
            return null;
        });
    }

    private <T> CompletableFuture<T> ask(Function<AcdEngine, T> request) {
        CompletableFuture<T> reply = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    reply.complete(request.apply(engine));
                } catch (RuntimeException e) {
                    reply.completeExceptionally(e);
                } finally {
                    reschedule();
                }
            });
        } catch (RejectedExecutionException e) {
            reply.completeExceptionally(e);
        }
        return reply;
    }

    private void legAnswered(String callId, String agent, AgentLeg leg) {
        LegKey key = new LegKey(callId, agent);
        answered.put(key, leg);
        engine.offerAnswered(callId, agent);
        AgentLeg unsettled = answered.remove(key);
        if (unsettled != null) {
            log.atError().addKeyValue("callId", callId).addKeyValue("agent", agent)
                    .log("the engine neither connected nor rejected an answered leg; hanging it up");
            hangUpLater(callId, unsettled);
        }
    }

    /** Keeps exactly one tick scheduled, at the engine's next deadline. */
    private void reschedule() {
        Optional<Instant> next = engine.nextDeadline();
        if (next.equals(Optional.ofNullable(tickAt))) {
            return;
        }
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        tickAt = next.orElse(null);
        next.ifPresent(at -> tick = executor.schedule(this::onTick, Duration.between(clock.instant(), at)));
    }

    private void onTick() {
        tick = null;
        tickAt = null;
        try {
            engine.tick();
        } catch (RuntimeException e) {
            log.error("ACD tick failed", e);
        } finally {
            reschedule();
        }
    }

    private boolean deliver(String callId, CallerCommand command) {
        CallerMailbox mailbox = mailboxes.get(callId);
        if (mailbox == null || !mailbox.post(command)) {
            log.atDebug().addKeyValue("callId", callId).log("caller no longer queued; dropped {}", command);
            return false;
        }
        return true;
    }

    /** A leg's BYE may block on the front, never on the ACD's thread. */
    private static void hangUpLater(String callId, AgentLeg leg) {
        Thread.ofVirtual().name("acd-hangup-" + leg.workNumber()).start(() -> {
            try {
                leg.hangup();
            } catch (RuntimeException e) {
                log.atError().addKeyValue("callId", callId).addKeyValue("agent", leg.workNumber()).setCause(e)
                        .log("could not hang up an agent leg");
            }
        });
    }

    /** The engine's commands, on the executor: into the caller's mailbox, never blocking. */
    private final class MailboxActions implements AcdActions {

        @Override
        public void offer(String callId, String queue, List<String> agents) {
            deliver(callId, new CallerCommand.Offer(queue, agents));
        }

        @Override
        public void cancelOffers(String callId, List<String> agents) {
            deliver(callId, new CallerCommand.CancelOffers(agents));
        }

        @Override
        public void rejectAnswer(String callId, String agent) {
            AgentLeg leg = answered.remove(new LegKey(callId, agent));
            if (leg != null) {
                hangUpLater(callId, leg);
            }
        }

        @Override
        public void connect(String callId, String agent, Duration waited) {
            AgentLeg leg = answered.remove(new LegKey(callId, agent));
            if (leg == null) {
                log.atError().addKeyValue("callId", callId).addKeyValue("agent", agent).log("connect without an answered leg");
                return;
            }
            if (!deliver(callId, new CallerCommand.Connect(agent, leg, waited))) {
                hangUpLater(callId, leg);
            }
        }

        @Override
        public void announce(String callId, int position, Optional<Duration> expectedWait) {
            deliver(callId, new CallerCommand.Announce(position, expectedWait));
        }

        @Override
        public void overflowed(String callId, String toQueue) {
            deliver(callId, new CallerCommand.Overflowed(toQueue));
        }

        @Override
        public void notServed(String callId, NotServedReason reason) {
            deliver(callId, new CallerCommand.NotServed(reason));
        }

        @Override
        public void offerCallback(String callId, Optional<Duration> expectedWait) {
            deliver(callId, new CallerCommand.OfferCallback(expectedWait));
        }
    }
}
