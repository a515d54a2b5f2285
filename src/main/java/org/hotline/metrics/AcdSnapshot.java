package org.hotline.metrics;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hotline.acd.AgentInfo;
import org.hotline.acd.QueueInfo;

/**
 * The ACD as the gauges see it at one instant: every queue with its waiting callers and agents, and
 * every agent. Immutable copies, safe on any thread.
 */
public record AcdSnapshot(List<QueueInfo> queues, List<AgentInfo> agents) {

    public static final AcdSnapshot EMPTY = new AcdSnapshot(List.of(), List.of());

    public AcdSnapshot {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    /** Where snapshots come from: the ACD's serial executor, answering a future (never blocking it). */
    @FunctionalInterface
    public interface Source {
        CompletableFuture<AcdSnapshot> snapshot();
    }
}
