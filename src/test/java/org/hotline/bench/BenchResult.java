package org.hotline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.config.DurationFormat;
import org.hotline.media.rtp.RelayDelay;
import org.hotline.media.rtp.RelayDrops;

/**
 * Everything one bench run measured, and the one summary {@link #render} prints (issue 7). The
 * figures come from SIPp (calls, failures, response times), the server's log (call events), its
 * API (RTP totals, idle state) and /proc (CPU, memory). Immutable.
 */
record BenchResult(BenchOptions options, String machine, Calls calls, Latency latency, ProcSampler.Peak server,
        Map<String, ProcSampler.Peak> generator, Rtp rtp, long serverSocketDrops, Announcements announcements,
        Recordings recordings, IdleState baseline, IdleState after, Map<String, Long> endReasons, Path runDirectory) {

    /**
     * @param attempted       calls SIPp placed (all caller kinds)
     * @param answered        calls that got their 200 OK
     * @param withinThreeRings calls whose 200 came at most 10 s after their 180 (rule R1)
     * @param toAgents        calls that pressed the agent key
     * @param connected       AgentConnected events of those calls
     * @param agentsAnswered  calls the agents' phones answered and saw end (SIPp UAS successful calls)
     * @param failed          failed calls of every SIPp (callers and agents' phones)
     * @param registrationsFailed agents whose REGISTER failed
     * @param failureReasons  SIPp's error lines by SIP code or reason
     */
    record Calls(long attempted, long answered, long withinThreeRings, long toAgents, long connected, long agentsAnswered,
            long failed, long registrationsFailed, Map<String, Integer> failureReasons) {
    }

    /** In milliseconds, at SIPp's clock resolution. */
    record Latency(Percentiles inviteToRinging, Percentiles inviteToOk, Percentiles okAfterRingDelay) {
    }

    /**
     * The relay over the load (the totals minus those at the idle baseline), from {@code GET /api/runtime}.
     *
     * @param relayLost  packets handed to a relay target, neither sent nor dropped by design
     * @param drops      relayed packets not sent by design, by reason (teardown, hold, ...)
     * @param receivedLost RFC 3550 loss of what the server's sessions received (callers' and echoed agents' streams)
     * @param relayDelay the relay delay histogram over the load (bucket bounds: {@link RelayDelay})
     * @param relayDelayMaxSinceStartNanos the longest relay delay since the server started (warm-up included)
     */
    record Rtp(long packetsReceived, long packetsSent, long relayed, long relayLost, RelayDrops drops, long receivedLost,
            long sendFailures, RelayDelay relayDelay, long relayDelayMaxSinceStartNanos) {

        /** Packets relayed later than {@code nanos} after arrival (at bucket resolution: the bound must be one). */
        long delayedOver(long nanos) {
            long over = 0;
            for (int i = 0; i < relayDelay.bucketCounts().size(); i++) {
                if (RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.get(i) > nanos) {
                    over += relayDelay.bucketCounts().get(i);
                }
            }
            return over;
        }

        /** The upper bound of the highest non-empty bucket: the longest delay over the load, at bucket resolution. */
        long maxBoundNanos() {
            for (int i = relayDelay.bucketCounts().size() - 1; i >= 0; i--) {
                if (relayDelay.bucketCounts().get(i) > 0) {
                    return RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.get(i);
                }
            }
            return 0;
        }
    }

    /**
     * Rule R7: waiting callers in any queue (the unstaffed one, or {@code general} when there are
     * fewer agents than callers).
     *
     * @param entered     callers who entered the unstaffed queue
     * @param waitedPast  waits in any queue that lasted past the first announcement's due time
     * @param announced   waits in which the caller was announced to
     * @param errorMs     announcement instant minus due instant, absolute, in ms
     */
    record Announcements(long entered, long waitedPast, long announced, Percentiles errorMs) {
    }

    /**
     * Recordings written during the load, those javax.sound reads as audio of at least a second,
     * their length, and what the recorder reported missing from them.
     */
    record Recordings(boolean checked, Path directory, long written, long valid, double seconds,
            org.hotline.bench.Recordings.Gaps gaps) {

        /** Seconds of one leg lost as late, over seconds recorded (both legs each): the share of audio missing. */
        double lateShare() {
            return seconds == 0 ? 0 : gaps.lateSamples() / 8000.0 / (2 * seconds);
        }
    }

    /** Every call placed was answered within three rings, none failed, every agent caller connected. */
    boolean everyCallConnected() {
        return calls.failed() == 0 && calls.registrationsFailed() == 0 && calls.answered() == calls.attempted()
                && calls.withinThreeRings() == calls.attempted() && calls.connected() == calls.toAgents();
    }

    String render() {
        StringBuilder s = new StringBuilder();
        BenchOptions o = options;
        line(s, "machine", machine);
        line(s, "load", String.format("%d calls at %.1f/s, at most %d at once, %ss each%s; %d agents answer after %ss;"
                        + " ring delay %s; wrap-up %s", o.calls(), o.cps(), o.concurrency(), seconds(o.callLength().toMillis()),
                o.ivrOnly() ? ", IVR only" : o.waitingCalls() == 0 ? "" : String.format(" (%d waiting callers %ss)",
                        o.waitingCalls(), seconds(o.waitLength().toMillis())),
                o.agentCount(), seconds(o.answerAfter().toMillis()), DurationFormat.format(o.ringDelay()),
                DurationFormat.format(o.wrapUp())));
        line(s, "server settings", "recording " + o.recording() + "; "
                + (o.serverSettings().isEmpty() ? "(none)" : o.serverSettings().toString()));
        line(s, "calls attempted", Long.toString(calls.attempted()));
        line(s, "answered by the IVR", calls.answered() + ", within three rings (R1, 180->200 <= 10 s): "
                + calls.withinThreeRings() + percent(calls.withinThreeRings(), calls.attempted()));
        line(s, "connected to agents", calls.connected() + " of " + calls.toAgents() + " agent callers (agents' phones saw "
                + calls.agentsAnswered() + " calls through)");
        line(s, "failed", calls.failed() + " calls, " + calls.registrationsFailed() + " registrations"
                + (calls.failureReasons().isEmpty() ? "" : "; SIPp errors " + calls.failureReasons()));
        line(s, "INVITE->180", latency.inviteToRinging().format("ms"));
        line(s, "INVITE->200", latency.inviteToOk().format("ms") + ", ring delay " + DurationFormat.format(o.ringDelay()) + " included");
        line(s, "200 past ring delay", latency.okAfterRingDelay().format("ms") + " (the server's own share)");
        line(s, "server CPU", String.format("peak %.0f %% of one core (%.0f %% of %d cores), mean %.0f %% over the load",
                server.maxCpuPercent(), server.maxCpuPercent() / cores(), cores(), server.meanCpuPercent()));
        line(s, "server memory", String.format("RSS peak %d MiB; threads peak %d; file descriptors peak %d",
                server.maxRssBytes() >> 20, server.maxThreads(), server.maxFds()));
        line(s, "generator CPU", generator.entrySet().stream().map(e -> String.format("%s mean %.0f %% peak %.0f %%",
                e.getKey(), e.getValue().meanCpuPercent(), e.getValue().maxCpuPercent())).collect(Collectors.joining("; ")));
        line(s, "RTP relayed", String.format("%d packets relayed, %d lost by the relay, %d send failures; received %d"
                        + " (RFC 3550 loss %d), sent %d", rtp.relayed(), rtp.relayLost(), rtp.sendFailures(),
                rtp.packetsReceived(), rtp.receivedLost(), rtp.packetsSent()));
        RelayDrops d = rtp.drops();
        line(s, "relay not sent", String.format("%d by design: %d to a closed target (in flight at hang-up), %d not"
                        + " relayed (before or after the bridge), %d on hold, %d peer not yet known, %d events not negotiated",
                d.total(), d.targetClosed(), d.notRelaying(), d.held(), d.noPeer(), d.eventNotNegotiated()));
        line(s, "relay delay", String.format("p50 %s / p99 %s / p99.9 %s / max %s over the load; %d packets over 20 ms,"
                        + " %d over 100 ms; max since start %d us", bound(rtp.relayDelay().quantileUpperBoundNanos(0.5)),
                bound(rtp.relayDelay().quantileUpperBoundNanos(0.99)), bound(rtp.relayDelay().quantileUpperBoundNanos(0.999)),
                bound(rtp.maxBoundNanos()), rtp.delayedOver(20_000_000L), rtp.delayedOver(100_000_000L),
                rtp.relayDelayMaxSinceStartNanos() / 1000));
        line(s, "server UDP drops", serverSocketDrops + " datagrams dropped by the kernel on the server's full socket buffers");
        line(s, "R7 announcement", String.format("%d entered the unstaffed queue; %d waits past %s, %d announced; "
                        + "timing error %s", announcements.entered(), announcements.waitedPast(), DurationFormat.format(o.announceFirst()),
                announcements.announced(), announcements.errorMs().format("ms")));
        line(s, "recordings", !recordings.checked() ? "none (--recording none)"
                : String.format("%d written, %d valid, %.0f s recorded, in %s; gaps in %d: %.1f s late (%.2f %% of"
                        + " both legs' audio), %d packets overflowed the recorders' queues", recordings.written(),
                        recordings.valid(), recordings.seconds(), recordings.directory(), recordings.gaps().recordings(),
                        recordings.gaps().lateSamples() / 8000.0, 100 * recordings.lateShare(),
                        recordings.gaps().overflowPackets()));
        line(s, "idle before -> after", idle(baseline) + "  ->  " + idle(after)
                + (after.leakFree(baseline) ? "  (back to idle)" : "  (NOT back to idle)"));
        line(s, "call ends", endReasons.toString());
        line(s, "verdict", everyCallConnected() ? "every call answered in three rings and connected, none failed"
                : "SOME CALLS FAILED OR WERE NOT CONNECTED");
        line(s, "run directory", runDirectory.toString());
        return s.toString();
    }

    private static String idle(IdleState i) {
        return String.format("heap %d MiB, %d/%d threads, %d fds, %d RTP, %d calls, %d dialogs, %d transactions",
                i.heapUsedBytes() >> 20, i.jvmThreads(), i.procThreads(), i.fds(), i.rtpSessionsInUse(), i.activeCalls(),
                i.stackDialogs(), i.stackTransactions());
    }

    /** A histogram bucket's upper bound: "<= 500 us", "<= 20 ms", or "> 2 s" for the open last bucket. */
    static String bound(long nanos) {
        if (nanos == Long.MAX_VALUE) {
            List<Long> bounds = RelayDelay.BUCKET_UPPER_BOUNDS_NANOS;
            return "> " + DurationFormat.format(Duration.ofNanos(bounds.get(bounds.size() - 2)));
        }
        return nanos < 1_000_000 ? "<= " + nanos / 1000 + " us" : "<= " + DurationFormat.format(Duration.ofNanos(nanos));
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format("%.1f", millis / 1000.0);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "" : String.format(" (%.1f %%)", 100.0 * part / whole);
    }

    private static void line(StringBuilder s, String name, String value) {
        s.append(String.format("%-22s %s%n", name, value));
    }
}
