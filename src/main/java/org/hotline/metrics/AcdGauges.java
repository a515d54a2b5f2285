package org.hotline.metrics;

import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.hotline.acd.AgentState;
import org.hotline.acd.AgentStatus;
import org.hotline.acd.QueueInfo;
import org.hotline.metrics.MetricsCatalog.Meter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACD's live gauges: callers waiting and the oldest wait per queue, agents by status and state
 * per queue and in all. Before each scrape {@link #check} asks the ACD for a snapshot (a task on its
 * serial executor, awaited at most {@code bound} on the scraping thread, never on the ACD's) and the
 * gauges read the last one; an ACD that does not answer in time is reported down ({@code acd}) and
 * the gauges keep the previous picture.
 *
 * <p>Threading: {@link #check} and the gauges on HTTP virtual threads; the snapshot is a volatile
 * immutable record.
 */
public final class AcdGauges implements HealthCheck {

    private static final Logger log = LoggerFactory.getLogger(AcdGauges.class);

    private final AcdSnapshot.Source source;
    private final Clock clock;
    private final Duration bound;
    private volatile AcdSnapshot last = AcdSnapshot.EMPTY;

    public AcdGauges(MetricsCatalog catalog, AcdSnapshot.Source source, Clock clock, Duration bound) {
        this.source = source;
        this.clock = clock;
        this.bound = bound;
        register(catalog);
    }

    @Override
    public String component() {
        return "acd";
    }

    /** Takes a fresh snapshot for the gauges; up when the ACD answered within the bound. */
    @Override
    public ComponentHealth check() {
        try {
            last = source.snapshot().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return ComponentHealth.up("answering; " + last.queues().size() + " queues, " + last.agents().size()
                    + " agents");
        } catch (TimeoutException e) {
            log.atWarn().addKeyValue("boundMs", bound.toMillis()).log("the ACD did not answer a snapshot in time");
            return ComponentHealth.down("no answer within " + bound.toMillis() + " ms");
        } catch (ExecutionException e) {
            log.atError().setCause(e.getCause()).log("ACD snapshot failed");
            return ComponentHealth.down("snapshot failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ComponentHealth.down("interrupted");
        }
    }

    private void register(MetricsCatalog catalog) {
        for (String queue : catalog.queues().keySet()) {
            Tags tags = Tags.of("queue", queue);
            catalog.gauge(Meter.QUEUE_WAITING_CALLERS, tags, () -> waiting(queue).count());
            catalog.gauge(Meter.QUEUE_OLDEST_WAIT, tags, () -> oldest(queue, QueueInfo.Waiting::enteredAt));
            catalog.gauge(Meter.QUEUE_OLDEST_WAIT_IN_QUEUE, tags,
                    () -> oldest(queue, QueueInfo.Waiting::queueEnteredAt));
            forEachStatusAndState((status, state) -> catalog.gauge(Meter.QUEUE_AGENTS,
                    tags.and("status", tag(status), "state", tag(state)),
                    () -> members(queue).filter(m -> m.status() == status && m.state() == state).count()));
        }
        forEachStatusAndState((status, state) -> catalog.gauge(Meter.AGENTS,
                Tags.of("status", tag(status), "state", tag(state)),
                () -> last.agents().stream().filter(a -> a.status() == status && a.state() == state).count()));
    }

    private Stream<QueueInfo.Waiting> waiting(String queue) {
        return find(queue).map(info -> info.waiting().stream()).orElseGet(Stream::empty);
    }

    private Stream<QueueInfo.Member> members(String queue) {
        return find(queue).map(info -> info.agents().stream()).orElseGet(Stream::empty);
    }

    private Optional<QueueInfo> find(String queue) {
        return last.queues().stream().filter(info -> info.name().equals(queue)).findFirst();
    }

    /** Seconds since the earliest of {@code since} among the queue's callers, 0 when nobody waits. */
    private double oldest(String queue, Function<QueueInfo.Waiting, Instant> since) {
        Instant now = clock.instant();
        return waiting(queue).map(since).min(Instant::compareTo)
                .map(start -> Math.max(0, Duration.between(start, now).toMillis()) / 1000.0).orElse(0.0);
    }

    private static void forEachStatusAndState(BiConsumer<AgentStatus, AgentState> action) {
        for (AgentStatus status : AgentStatus.values()) {
            for (AgentState state : AgentState.values()) {
                action.accept(status, state);
            }
        }
    }

    static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
