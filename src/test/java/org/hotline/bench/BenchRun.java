package org.hotline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.hotline.media.rtp.RelayDelay;
import org.hotline.media.rtp.RelayDrops;
import org.hotline.system.Await;
import org.hotline.system.FreePorts;
import org.hotline.system.HotlineApi;
import org.hotline.system.HotlinePrompts;
import org.hotline.system.Sipp;

/**
 * One load bench run, in order: write the config and the callers' audio, start the server
 * ({@link ServerProcess}), the agents' phones and their registrations, log the agents in over the
 * API, place and drain a few warm-up calls, take the idle baseline, place the load while
 * sampling /proc, wait for the server to be idle again, and gather the figures into a
 * {@link BenchResult}. Every process it starts is stopped when it returns or fails. Runs on the
 * calling thread.
 */
public final class BenchRun {

    private static final int PARALLEL_REGISTRATIONS = 8;
    private static final int REGISTER_ATTEMPTS = 3;
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** Rule R1: three rings. */
    private static final double THREE_RINGS_MS = 10_000;

    private final BenchOptions o;

    public BenchRun(BenchOptions options) {
        this.o = options;
    }

    public BenchResult run() {
        Path dir = prepare();
        int sipPort = FreePorts.sipPort();
        int httpPort = FreePorts.tcpPort();
        Path config = BenchConfig.write(dir, o, sipPort, httpPort, HotlinePrompts.DIRECTORY);
        String server = Sipp.LOOPBACK + ":" + sipPort;
        List<BenchSipp> started = new ArrayList<>();
        try (ServerProcess hotline = ServerProcess.start(o, config); ProcSampler sampler = new ProcSampler()) {
            HotlineApi api = HotlineApi.at(httpPort);
            BenchSipp agents = o.agentCount() == 0 ? null : startAgents(dir, server, api, started);
            if (o.warmupCalls() > 0) {
                run(BenchPeers.warmup(o, server), started).awaitEnd();
            }
            awaitIdle(api, hotline, null);
            awaitSettled(hotline);
            IdleState baseline = gcAndRead(api, hotline);
            JsonNode rtpBefore = api.runtime().path("rtp");
            Instant loadStart = Instant.now();

            List<BenchSipp> callers = placeLoad(server, hotline, agents, sampler, started);
            List<SippOutput> outputs = callers.stream().map(BenchSipp::awaitEnd).toList();
            sampler.close();

            awaitIdle(api, hotline, baseline);
            IdleState after = gcAndRead(api, hotline);
            BenchResult.Rtp rtp = rtp(rtpBefore, api.runtime().path("rtp"));
            SippOutput agentOutput = agents == null ? null : agents.stop();
            hotline.close();

            List<String> loadCallIds = callers.stream().map(c -> "-" + c.pid() + "@").toList();
            CallEventLog events = CallEventLog.read(hotline.log(), id -> loadCallIds.stream().anyMatch(id::contains));
            BenchResult result = new BenchResult(o, Machine.describe(), calls(outputs, agentOutput, events), latency(outputs),
                    sampler.peak(hotline.pid()), generator(sampler, callers, agents), rtp, sampler.socketDrops(hotline.pid()),
                    announcements(events), Recordings.check(o.recordingsDir(), loadStart, hotline.log()), baseline, after,
                    events.endReasons(), dir);
            Files.writeString(dir.resolve("summary.txt"), result.render());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the summary into " + dir, e);
        } finally {
            started.forEach(BenchSipp::close);
        }
    }

    /** Starts every kind of caller, and samples the server, the agents' phones and the callers from now on. */
    private List<BenchSipp> placeLoad(String server, ServerProcess hotline, BenchSipp agents, ProcSampler sampler,
            List<BenchSipp> started) {
        sampler.watch(hotline.pid());
        sampler.watchSocketDrops(hotline.pid());
        if (agents != null) {
            sampler.watch(agents.pid());
        }
        List<BenchSipp> callers = new ArrayList<>();
        for (BenchSipp.Spec spec : BenchPeers.callers(o, server)) {
            BenchSipp caller = run(spec, started);
            callers.add(caller);
            sampler.watch(caller.pid());
        }
        sampler.start();
        return callers;
    }

    private static Map<String, ProcSampler.Peak> generator(ProcSampler sampler, List<BenchSipp> callers, BenchSipp agents) {
        Map<String, ProcSampler.Peak> generator = new LinkedHashMap<>();
        callers.forEach(c -> generator.put(c.label(), sampler.peak(c.pid())));
        if (agents != null) {
            generator.put(agents.label(), sampler.peak(agents.pid()));
        }
        return generator;
    }

    private Path prepare() {
        Path dir = o.runDirectory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + dir, e);
        }
        if (o.ivrOnly()) {
            BenchAudio.writeIvrTalk(dir, o.callLength());
        } else {
            BenchAudio.writeAroundKey(dir, BenchConfig.AGENT_KEY, o.keyAfter(), o.callLength().minus(o.keyAfter()));
            if (o.waitingCalls() > 0) {
                BenchAudio.writeAroundKey(dir, BenchConfig.WAIT_KEY, o.keyAfter(), o.waitLength().minus(o.keyAfter()));
            }
        }
        return dir;
    }

    /** The agents' phones, registered, every agent AVAILABLE and reachable. */
    private BenchSipp startAgents(Path dir, String server, HotlineApi api, List<BenchSipp> started) {
        Duration lifetime = o.callLength().plus(o.waitLength()).multipliedBy(2)
                .plusSeconds((long) (o.calls() / o.cps())).plus(o.drain()).plusMinutes(10);
        BenchSipp agents = run(BenchPeers.agentPhones(o, lifetime), started);
        register(server, agents.sipPort());
        // One at a time: the JDK's HTTP server accepts a backlog of 64, and 300 logins take a second or two.
        for (String agent : BenchConfig.agents(o.agentCount())) {
            api.setStatus(agent, "AVAILABLE", "").requireStatus(200);
        }
        Await.until(() -> api.agents().stream().allMatch(a -> a.path("status").asText().equals("AVAILABLE")
                && a.path("reachable").asBoolean()), LOGIN_TIMEOUT, POLL, () -> "every agent AVAILABLE and reachable");
        return agents;
    }

    /** Every agent registers through its own short SIPp, {@link #PARALLEL_REGISTRATIONS} at a time. */
    private void register(String server, int agentsSipPort) {
        Semaphore slots = new Semaphore(PARALLEL_REGISTRATIONS);
        List<Future<SippOutput>> outcomes = new ArrayList<>();
        try (ExecutorService registrations = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String agent : BenchConfig.agents(o.agentCount())) {
                outcomes.add(registrations.submit(() -> {
                    slots.acquire();
                    try {
                        return registerWithRetries(server, agent, agentsSipPort);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<String> failed = new ArrayList<>();
        for (Future<SippOutput> outcome : outcomes) {
            if (outcome.state() == Future.State.FAILED) {
                failed.add(outcome.exceptionNow().getMessage());
            } else if (outcome.resultNow().successful() != 1) {
                failed.add(outcome.resultNow().label() + " " + outcome.resultNow().failureReasons());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " of " + o.agentCount() + " agents did not register: " + failed);
        }
    }

    /**
     * One agent's registration, tried again if SIPp could not start (a free port taken by another
     * process between the probe and SIPp's bind) or the registration failed.
     */
    private SippOutput registerWithRetries(String server, String agent, int agentsSipPort) {
        RuntimeException lastStartFailure = null;
        SippOutput last = null;
        for (int attempt = 1; attempt <= REGISTER_ATTEMPTS; attempt++) {
            BenchSipp.Spec spec = BenchPeers.registration(server, agent, agentsSipPort, attempt);
            try (BenchSipp sipp = BenchSipp.start(o.runDirectory(), spec)) {
                last = sipp.awaitEnd();
                if (last.successful() == 1) {
                    return last;
                }
            } catch (IllegalStateException e) {
                lastStartFailure = e;
            } catch (AssertionError e) { // Await's deadline: SIPp neither bound its port nor exited
                lastStartFailure = new IllegalStateException("SIPp for agent " + agent + " did not start", e);
            }
        }
        if (last == null) {
            throw lastStartFailure;
        }
        return last;
    }

    private BenchSipp run(BenchSipp.Spec spec, List<BenchSipp> started) {
        BenchSipp sipp = BenchSipp.start(o.runDirectory(), spec);
        started.add(sipp);
        return sipp;
    }

    /** Until nothing of a call is left (and, given a baseline, threads and descriptors are back to it) or the drain time is up. */
    private void awaitIdle(HotlineApi api, ServerProcess hotline, IdleState baseline) {
        long deadline = System.nanoTime() + o.drain().toNanos();
        while (System.nanoTime() < deadline) {
            IdleState now = IdleState.read(api, hotline.pid());
            if (baseline == null ? now.noCalls() : now.backTo(baseline)) {
                return;
            }
            sleep(POLL);
        }
    }

    /** Until the server's descriptors stop falling (sockets of the last calls still closing), at most {@link #SETTLE}. */
    private static void awaitSettled(ServerProcess hotline) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int fds = Integer.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            int now = ProcSampler.read(hotline.pid()).map(ProcSampler.Sample::fds).orElse(0);
            if (now >= fds) {
                return;
            }
            fds = now;
            sleep(POLL);
        }
    }

    private static IdleState gcAndRead(HotlineApi api, ServerProcess hotline) {
        hotline.collectGarbage();
        return IdleState.read(api, hotline.pid());
    }

    private BenchResult.Calls calls(List<SippOutput> callers, SippOutput agents, CallEventLog events) {
        long attempted = callers.stream().mapToLong(SippOutput::created).sum();
        long answered = callers.stream().mapToLong(c -> c.responseTimesMs("invite").size()).sum();
        long withinThreeRings = callers.stream().flatMap(c -> c.responseTimesMs("ring").stream())
                .filter(ms -> ms <= THREE_RINGS_MS).count();
        long failed = callers.stream().mapToLong(SippOutput::failed).sum() + (agents == null ? 0 : agents.failed());
        Map<String, Integer> reasons = new TreeMap<>();
        callers.forEach(c -> c.failureReasons().forEach((k, v) -> reasons.merge(c.label() + " " + k, v, Integer::sum)));
        if (agents != null) {
            agents.failureReasons().forEach((k, v) -> reasons.merge("agents " + k, v, Integer::sum));
        }
        return new BenchResult.Calls(attempted, answered, withinThreeRings, o.agentCalls(), events.count("AgentConnected"),
                agents == null ? 0 : agents.successful(), failed, 0, reasons);
    }

    private BenchResult.Latency latency(List<SippOutput> callers) {
        List<Double> ringing = new ArrayList<>();
        List<Double> ok = new ArrayList<>();
        List<Double> pastRingDelay = new ArrayList<>();
        long ringDelayMs = o.ringDelay().toMillis();
        for (SippOutput c : callers) {
            ringing.addAll(c.responseTimesMs("ringing"));
            ok.addAll(c.responseTimesMs("invite"));
            c.responseTimesMs("ring").forEach(ms -> pastRingDelay.add(ms - ringDelayMs));
        }
        return new BenchResult.Latency(Percentiles.of(ringing), Percentiles.of(ok), Percentiles.of(pastRingDelay));
    }

    private static BenchResult.Rtp rtp(JsonNode before, JsonNode after) {
        JsonNode b = before.path("packets");
        JsonNode a = after.path("packets");
        List<Long> bucketsBefore = longs(before.path("relayDelay").path("bucketCounts"));
        List<Long> bucketsAfter = longs(after.path("relayDelay").path("bucketCounts"));
        List<Long> delta = new ArrayList<>();
        for (int i = 0; i < bucketsAfter.size(); i++) {
            delta.add(bucketsAfter.get(i) - (i < bucketsBefore.size() ? bucketsBefore.get(i) : 0));
        }
        JsonNode db = b.path("relayDrops");
        JsonNode da = a.path("relayDrops");
        RelayDrops drops = new RelayDrops(diff(da, db, "targetClosed"), diff(da, db, "notRelaying"), diff(da, db, "held"),
                diff(da, db, "noPeer"), diff(da, db, "eventNotNegotiated"));
        RelayDelay delay = new RelayDelay(delta.stream().mapToLong(Long::longValue).sum(),
                diff(after.path("relayDelay"), before.path("relayDelay"), "totalNanos"), 0, delta);
        return new BenchResult.Rtp(diff(a, b, "packetsReceived"), diff(a, b, "packetsSent"), diff(a, b, "relayPacketsOut"),
                after.path("relayLost").asLong() - before.path("relayLost").asLong(), drops, diff(a, b, "packetsLost"),
                diff(a, b, "sendFailures"), delay, after.path("relayDelay").path("maxNanos").asLong());
    }

    private BenchResult.Announcements announcements(CallEventLog events) {
        List<Double> errors = events.announcementErrors(o.announceFirst()).stream()
                .map(d -> Math.abs(d.toNanos() / 1e6)).toList();
        return new BenchResult.Announcements(events.entered(BenchConfig.WAIT_QUEUE), events.waitedAtLeast(o.announceFirst()),
                errors.size(), Percentiles.of(errors));
    }

    private static long diff(JsonNode after, JsonNode before, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asLong()));
        return values;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server to be idle", e);
        }
    }
}
