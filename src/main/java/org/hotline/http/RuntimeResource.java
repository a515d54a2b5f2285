package org.hotline.http;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.hotline.media.rtp.RelayDelay;
import org.hotline.media.rtp.RtpStatistics;
import org.hotline.media.rtp.RtpTotals;

/**
 * What the server holds right now, as JSON, for the load bench and its leak check (issue 7): live
 * calls and call flows, the SIP stack's dialogs and transactions, RTP sessions and the RTP totals
 * since start (packets relayed, lost, the relay delay histogram), and the JVM's heap, threads and
 * file descriptors. Beside the Prometheus endpoint (issue 5) this is a compact machine-readable
 * view of the relay; like the rest of the API it is meant for the loopback address. Immutable; the
 * suppliers are called on the request's virtual thread and must be thread-safe.
 *
 * <pre>
 *   GET /api/runtime   200 {"calls": {...}, "rtp": {...}, "jvm": {...}}
 * </pre>
 */
public final class RuntimeResource {

    private final Supplier<Counts> counts;
    private final Supplier<RtpTotals> rtp;

    /**
     * What the composition root counts.
     *
     * @param activeCalls     calls between INVITE and their end
     * @param agentLegs       B2BUA legs to agents' phones between INVITE and their end
     * @param liveCallFlows   call-flow virtual threads still running
     * @param stackDialogs    dialogs the SIP stack holds, lingering ones included
     * @param stackTransactions server and client transactions in the SIP stack
     * @param rtpSessionsInUse RTP port pairs taken
     */
    public record Counts(int activeCalls, int agentLegs, int liveCallFlows, int stackDialogs, int stackTransactions,
            int rtpSessionsInUse) {
    }

    public RuntimeResource(Supplier<Counts> counts, Supplier<RtpTotals> rtp) {
        this.counts = Objects.requireNonNull(counts, "counts");
        this.rtp = Objects.requireNonNull(rtp, "rtp");
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/runtime", request -> ApiResponse.ok(snapshot())));
    }

    record RtpView(long sessionsOpened, long sessionsClosed, RtpStatistics packets, long relayLost,
            RelayDelay relayDelay, long relayDelayP99UpperBoundNanos, List<Long> relayDelayBucketUpperBoundsNanos) {
        static RtpView of(RtpTotals totals) {
            return new RtpView(totals.sessionsOpened(), totals.sessionsClosed(), totals.packets(), totals.relayLost(),
                    totals.relayDelay(), totals.relayDelay().quantileUpperBoundNanos(0.99),
                    RelayDelay.BUCKET_UPPER_BOUNDS_NANOS);
        }
    }

    /**
     * @param ownThreads          platform threads other than the JDK's elastic ForkJoin workers (the
     *                            virtual-thread carriers and the common pool, which the JDK grows
     *                            and trims by itself): what a leak check compares
     * @param openFileDescriptors -1 where the JVM cannot tell (not a Unix)
     */
    record JvmView(long heapUsedBytes, long heapCommittedBytes, long nonHeapUsedBytes, int threads, int daemonThreads,
            int ownThreads, long openFileDescriptors, long uptimeMs) {
        static JvmView now() {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            long fds = os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
            return new JvmView(heap.getUsed(), heap.getCommitted(), nonHeap.getUsed(), threads.getThreadCount(),
                    threads.getDaemonThreadCount(), ownThreads(threads), fds, ManagementFactory.getRuntimeMXBean().getUptime());
        }

        private static int ownThreads(ThreadMXBean threads) {
            int own = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && !info.getThreadName().startsWith("ForkJoinPool")) {
                    own++;
                }
            }
            return own;
        }
    }

    record Snapshot(Counts calls, RtpView rtp, JvmView jvm) {
    }

    Snapshot snapshot() {
        return new Snapshot(counts.get(), RtpView.of(rtp.get()), JvmView.now());
    }
}
