package org.hotline.acd.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.acd.AcdEvent;
import org.hotline.acd.AgentInfo;
import org.hotline.acd.CallbackEntry;
import org.hotline.acd.AgentStatus;
import org.hotline.acd.StatusReply;
import org.hotline.call.QueueOutcome;
import org.hotline.call.QueueRequest;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.event.CallEvent;

/**
 * The ACD as the server wires it (driver, gateway, event router) on the demo configuration, with
 * a {@link TestClock} and a {@link ManualSerialExecutor}: the test moves time, the callers run on
 * their own virtual threads against {@link FakeCallControl}s.
 */
final class AcdFixture {

    /** Monday 2026-03-09 09:00 in Shanghai. */
    static final Instant START = Instant.parse("2026-03-09T01:00:00Z");

    final TestClock clock = new TestClock(START);
    final ManualSerialExecutor executor = new ManualSerialExecutor(clock);
    final List<CallEvent> callEvents = Collections.synchronizedList(new ArrayList<>());
    final List<AcdEvent> agentEvents = Collections.synchronizedList(new ArrayList<>());
    /** What the engine gave its callback ledger (rule R12), in order. */
    final List<CallbackEntry> ledger = Collections.synchronizedList(new ArrayList<>());
    final HotlineConfig config;
    final AcdDriver driver;
    final AcdQueueGateway gateway;

    AcdFixture() {
        this(Map.of());
    }

    AcdFixture(Map<String, String> overrides) {
        config = ConfigLoader.loadDefault(overrides);
        driver = new AcdDriver(AcdConfigMapping.setup(config), clock, executor,
                new AcdEventRouter(callEvents::add, agentEvents::add), ledger::add);
        gateway = new AcdQueueGateway(driver, AcdConfigMapping.directory(config), "zh-CN", clock, callEvents::add);
    }

    FakeCallControl call(String callId) {
        return new FakeCallControl(callId, clock);
    }

    /**
     * The caller asks for {@code queue} on its own virtual thread; returns once the engine placed
     * the caller (so moving the clock now counts from the entry). The future holds how it left.
     */
    CompletableFuture<QueueOutcome> enqueue(FakeCallControl call, String queue) {
        CompletableFuture<QueueOutcome> outcome = new CompletableFuture<>();
        Thread.ofVirtual().name("call-" + call.info().callId()).start(() -> {
            try {
                outcome.complete(gateway.enqueue(call, new QueueRequest(queue, "zh-CN", List.of("0"))));
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        });
        awaitCallEvent(call.info().callId(), CallEvent.QueueEntered.class);
        executor.awaitIdle();
        return outcome;
    }

    void awaitCallEvent(String callId, Class<? extends CallEvent> type) {
        long deadline = System.nanoTime() + FakeCallControl.DEADLINE.toNanos();
        while (List.copyOf(callEvents).stream().noneMatch(event -> type.isInstance(event) && event.callId().equals(callId))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type.getSimpleName() + " for " + callId + "; events: " + callEvents);
            }
            Thread.onSpinWait();
        }
    }

    static QueueOutcome outcome(CompletableFuture<QueueOutcome> outcome) {
        try {
            return outcome.get(FakeCallControl.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the caller did not leave the queue normally", e);
        }
    }

    /** The exception the caller's thread ended with. */
    static Throwable failure(CompletableFuture<QueueOutcome> outcome) {
        try {
            QueueOutcome result = outcome.get(FakeCallControl.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected the caller's thread to end with an exception, got " + result);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    StatusReply status(String workNumber, AgentStatus status) {
        return driver.requestStatus(workNumber, status, "test").join();
    }

    /** Logs these agents in, one second apart (so their idle order is known). */
    void login(String... workNumbers) {
        for (String workNumber : workNumbers) {
            status(workNumber, AgentStatus.AVAILABLE);
            advance(Duration.ofSeconds(1));
        }
    }

    AgentInfo agent(String workNumber) {
        return driver.agent(workNumber).join().orElseThrow();
    }

    void advance(Duration duration) {
        executor.advance(duration);
    }

    /** Call events as short lines with their second, e.g. {@code @45s WaitAnnounced general 1}. */
    List<String> callEvents(String callId) {
        return List.copyOf(callEvents).stream()
                .filter(event -> event.callId().equals(callId))
                .map(event -> "@" + Duration.between(START, event.at()).toSeconds() + "s "
                        + describe(event))
                .toList();
    }

    private static String describe(CallEvent event) {
        return switch (event) {
            case CallEvent.QueueEntered e -> "QueueEntered " + e.queue() + " " + e.position();
            case CallEvent.WaitAnnounced e -> "WaitAnnounced " + e.queue() + " " + e.position() + " " + e.expectedWait();
            case CallEvent.AgentOffered e -> "AgentOffered " + e.queue() + " " + e.agents();
            case CallEvent.AgentNoAnswer e -> "AgentNoAnswer " + e.agent();
            case CallEvent.AgentDeclined e -> "AgentDeclined " + e.agent();
            case CallEvent.QueueOverflowed e -> "QueueOverflowed " + e.fromQueue() + " " + e.toQueue();
            case CallEvent.AgentConnected e -> "AgentConnected " + e.queue() + " " + e.agent() + " " + e.waited().toSeconds() + "s";
            case CallEvent.HeldByAgent e -> "HeldByAgent " + e.agent();
            case CallEvent.HoldAnnounced e -> "HoldAnnounced " + e.agent() + " " + e.heldFor().toSeconds() + "s";
            case CallEvent.ResumedByAgent e -> "ResumedByAgent " + e.agent();
            case CallEvent.TransferredByAgent e -> "TransferredByAgent " + e.agent() + " " + e.requested() + " " + e.toQueue();
            case CallEvent.AgentCallEnded e -> "AgentCallEnded " + e.agent() + " " + e.endedBy() + " " + e.talked().toSeconds() + "s";
            case CallEvent.QueueAbandoned e -> "QueueAbandoned " + e.queue() + " " + e.waited().toSeconds() + "s"
                    + (e.whileOffered() ? " offered" : "");
            case CallEvent.QueueNotServed e -> "QueueNotServed " + e.queue() + " " + e.reason();
            default -> event.getClass().getSimpleName();
        };
    }
}
