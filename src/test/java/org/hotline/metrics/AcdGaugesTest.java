package org.hotline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.acd.AgentInfo;
import org.hotline.acd.AgentState;
import org.hotline.acd.AgentStatus;
import org.hotline.acd.CallerState;
import org.hotline.acd.QueueInfo;
import org.junit.jupiter.api.Test;

/** The ACD's gauges read a snapshot taken at each scrape; an ACD that does not answer is reported down. */
class AcdGaugesTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final HotlineMetrics metrics = Fixtures.metrics(clock);

    @Test
    void waitingCallersOldestWaitsAndAgentsComeFromTheSnapshot() {
        AcdSnapshot snapshot = new AcdSnapshot(List.of(new QueueInfo("general",
                List.of(new QueueInfo.Waiting("c1", 1, 0, CallerState.OFFERED, NOW.minusSeconds(90), List.of("1001"),
                                NOW.minusSeconds(90)),
                        new QueueInfo.Waiting("c2", 2, 0, CallerState.WAITING, NOW.minusSeconds(400), List.of(),
                                NOW.minusSeconds(30))),
                List.of(new QueueInfo.Member("1001", 0, AgentStatus.AVAILABLE, AgentState.OFFERED),
                        new QueueInfo.Member("1002", 0, AgentStatus.ON_BREAK, AgentState.IDLE)))),
                List.of(agent("1001", AgentStatus.AVAILABLE, AgentState.OFFERED), agent("1002", AgentStatus.ON_BREAK,
                        AgentState.IDLE), agent("1003", AgentStatus.LOGGED_OUT, AgentState.IDLE)));
        MetricsEndpoint endpoint = metrics.endpoint(Fixtures.parts(() -> CompletableFuture.completedFuture(snapshot)));

        Exposition scrape = Exposition.parse(endpoint.scrape());
        assertEquals(2, scrape.value("hotline_queue_waiting_callers", "queue", "general"));
        assertEquals(400, scrape.value("hotline_queue_oldest_wait_seconds", "queue", "general"));
        assertEquals(90, scrape.value("hotline_queue_oldest_wait_in_queue_seconds", "queue", "general"),
                "the overflowed caller counts from the overflow");
        assertEquals(0, scrape.value("hotline_queue_oldest_wait_seconds", "queue", "billing"), "nobody waits");
        assertEquals(1, scrape.value("hotline_queue_agents", "queue", "general", "status", "available", "state", "offered"));
        assertEquals(1, scrape.value("hotline_queue_agents", "queue", "general", "status", "on_break", "state", "idle"));
        assertEquals(1, scrape.value("hotline_agents", "status", "logged_out", "state", "idle"));
        assertEquals(0, scrape.value("hotline_agents", "status", "available", "state", "idle"));
        assertEquals(1, scrape.value("hotline_component_up", "component", "acd"));
    }

    @Test
    void anAcdThatFailsIsDownAndTheGaugesKeepTheLastPicture() {
        AtomicReference<CompletableFuture<AcdSnapshot>> next = new AtomicReference<>(CompletableFuture.completedFuture(
                new AcdSnapshot(List.of(), List.of(agent("1001", AgentStatus.AVAILABLE, AgentState.IDLE)))));
        MetricsEndpoint endpoint = metrics.endpoint(Fixtures.parts(next::get));
        endpoint.scrape();
        next.set(CompletableFuture.failedFuture(new IllegalStateException("executor closed")));

        HealthReport report = endpoint.health();
        Exposition scrape = Exposition.parse(endpoint.scrape());

        assertFalse(report.up());
        assertFalse(report.components().get("acd").up(), report.toString());
        assertTrue(report.components().get("sip").up());
        assertEquals(0, scrape.value("hotline_component_up", "component", "acd"));
        assertEquals(1, scrape.value("hotline_agents", "status", "available", "state", "idle"));
    }

    @Test
    void anAcdThatDoesNotAnswerInTimeIsDown() {
        AcdGauges gauges = new AcdGauges(metrics.catalog(), CompletableFuture::new, clock, Duration.ofMillis(20));

        ComponentHealth health = gauges.check();

        assertFalse(health.up());
        assertEquals("no answer within 20 ms", health.detail());
    }

    @Test
    void healthIsDownWhileSipIsNotListening() {
        MetricsEndpoint endpoint = metrics.endpoint(new HotlineMetrics.Components(() -> false, () -> 0, () -> true,
                () -> 0, List::of, () -> CompletableFuture.completedFuture(AcdSnapshot.EMPTY), List.of()));

        HealthReport report = endpoint.health();

        assertFalse(report.up());
        assertEquals(ComponentHealth.down("not listening"), report.components().get("sip"));
    }

    private static AgentInfo agent(String workNumber, AgentStatus status, AgentState state) {
        return new AgentInfo(workNumber, "Agent " + workNumber, status, "", NOW, state, NOW, 0, 0, true);
    }
}
