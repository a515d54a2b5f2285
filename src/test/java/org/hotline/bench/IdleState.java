package org.hotline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.hotline.system.HotlineApi;

/**
 * What the server holds when no call is up, read from its API ({@code GET /api/runtime}) and
 * from /proc: taken before the load (after warm-up calls have drained) and again after it, to
 * show that heap, threads, file descriptors and RTP ports return to their idle level (issue 7).
 * Immutable.
 *
 * @param heapUsedBytes heap in use, read right after a full collection ({@code jcmd GC.run})
 * @param jvmThreads    live platform threads but the JDK's elastic ForkJoin workers (the API's ownThreads)
 * @param procThreads   the process's threads in /proc, the JVM's own (GC, compiler) included
 */
record IdleState(long heapUsedBytes, int jvmThreads, int procThreads, int fds, long rssBytes, int rtpSessionsInUse,
        int activeCalls, int agentLegs, int liveCallFlows, int stackDialogs, int stackTransactions) {

    /** Heap growth still counted as idle: the collector's slack and lazily filled caches. */
    static final long HEAP_SLACK_BYTES = 16L * 1024 * 1024;

    static IdleState read(HotlineApi api, long pid) {
        JsonNode runtime = api.runtime();
        JsonNode calls = runtime.path("calls");
        ProcSampler.Sample proc = ProcSampler.read(pid).orElseThrow(() -> new IllegalStateException("server " + pid + " is gone"));
        return new IdleState(runtime.path("jvm").path("heapUsedBytes").asLong(), runtime.path("jvm").path("ownThreads").asInt(),
                proc.threads(), proc.fds(), proc.rssBytes(), calls.path("rtpSessionsInUse").asInt(), calls.path("activeCalls").asInt(),
                calls.path("agentLegs").asInt(), calls.path("liveCallFlows").asInt(), calls.path("stackDialogs").asInt(),
                calls.path("stackTransactions").asInt());
    }

    /** No call, leg, flow, dialog, transaction or RTP port pair left. */
    boolean noCalls() {
        return rtpSessionsInUse == 0 && activeCalls == 0 && agentLegs == 0 && liveCallFlows == 0 && stackDialogs == 0
                && stackTransactions == 0;
    }

    /** Threads and file descriptors at or below {@code baseline}, and nothing of a call left. */
    boolean backTo(IdleState baseline) {
        return noCalls() && jvmThreads <= baseline.jvmThreads && fds <= baseline.fds;
    }

    /** {@link #backTo} and the heap within {@link #HEAP_SLACK_BYTES} of the baseline's. */
    boolean leakFree(IdleState baseline) {
        return backTo(baseline) && heapUsedBytes <= baseline.heapUsedBytes + HEAP_SLACK_BYTES;
    }
}
