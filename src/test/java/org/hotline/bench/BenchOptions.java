package org.hotline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.config.DurationFormat;

/**
 * What one load bench run does (issue 7), from {@code bench/run}'s command line or a test. Immutable;
 * {@link #parse} fills the defaults, {@link Builder} changes them. Durations are written as in the
 * configuration ({@code 500ms}, {@code 30s}, {@code 5m}).
 *
 * @param cps            calls placed per second (all callers together; resolution 0.1)
 * @param concurrency    calls up at once at most (SIPp's {@code -l}, split between the caller kinds)
 * @param calls          calls placed in all
 * @param callLength     from the 200 OK to the caller's BYE
 * @param keyAfter       from the 200 OK to the key press that leaves the menu (agent key 0, or 2)
 * @param waitShare      share of callers (0-1) who press 2 for queue {@code backlog}, which no agent
 *                       serves: they wait their whole call, past rule R7's announcement
 * @param waitLength     the call length of those waiting callers (they join the queue some 10 s after the key)
 * @param ivrOnly        callers press nothing and hang up in the IVR (the calls-per-second figure)
 * @param agents         agents registered and logged in; empty: enough for the agent callers
 * @param answerAfter    how long an agent's phone rings before it answers
 * @param ringDelay      {@code sip.ringDelay}: 180 to 200 (rule R1)
 * @param wrapUp         queue {@code general}'s wrap-up after each call
 * @param announceFirst  both queues' first announcement (rule R7: 45 s)
 * @param serverSettings {@code --set} pass-through to the server
 * @param recording      both queues' recording policy (rule R14): {@code all}, {@code none} or a share like {@code 25%}
 * @param recordingsDir  where the server writes recordings ({@code <run>/recordings}), checked after the run;
 *                       empty when nothing is recorded
 * @param jvmOptions     the server JVM's options
 * @param rtpPortMin     {@code rtp.portMin}; {@code rtpPortMax} above it
 * @param warmupCalls    calls placed and drained before the idle baseline is taken; at least one per RTP
 *                       event loop (one per core), whose threads start with their first session
 * @param drain          longest wait for the server to be idle again after the run (SIP linger 32 s)
 * @param runDirectory   where every file of the run goes
 * @param jar            the server jar ({@code ./hotline build})
 */
public record BenchOptions(double cps, int concurrency, int calls, Duration callLength, Duration keyAfter,
        double waitShare, Duration waitLength, boolean ivrOnly, Optional<Integer> agents, Duration answerAfter,
        Duration ringDelay, Duration wrapUp, Duration announceFirst, Map<String, String> serverSettings,
        String recording, Optional<Path> recordingsDir, List<String> jvmOptions, int rtpPortMin, int rtpPortMax, int warmupCalls,
        Duration drain, Path runDirectory, Path jar) {

    public static final String USAGE = """
            usage: bench/run [options]            (all durations as 500ms, 30s, 5m)
              --cps N               calls per second, all callers (default 2; resolution 0.1)
              --concurrency N       calls up at once at most (default 20)
              --calls N             calls in all (default: --concurrency)
              --duration D          place calls for D: --calls = cps x D
              --call-length D       200 OK to the caller's BYE (default 30s)
              --key-after D         200 OK to the key press that leaves the menu (default 5s)
              --wait-share F        share 0-1 of callers who wait in a queue no agent serves (default 0)
              --wait-length D       their call length (default: --key-after + --announce-first + 20s)
              --ivr-only            callers stay in the IVR, press nothing (keep --call-length under 15s)
              --agents N            agents to register (default: enough for the agent callers)
              --answer-after D      agents' phones ring this long before answering (default 1s)
              --ring-delay D        sip.ringDelay, 180 to 200 (default 1s; rule R1)
              --wrap-up D           wrap-up after each agent call (default 2s)
              --announce-first D    rule R7's first announcement (default 45s)
              --recording P         queues' recording policy (R14): all (default), none, or a share like 25%;
                                    recordings go to <run>/recordings and are checked after the run
              --set K=V             any server key, passed through (repeatable; {run} is the run directory)
              --jvm-opts "..."      the server JVM's options (default "-Xms256m -Xmx1g -XX:+UseG1GC")
              --jfr                 record the server with JFR's profile settings into <run>/server.jfr
              --rtp-ports MIN-MAX   server RTP range (default 16000-19999: 2000 pairs)
              --warmup-calls N      calls before the idle baseline (default 2: at least one per RTP event loop)
              --drain D             longest wait for idle after the run (default 90s)
              --run-dir DIR         (default target/bench-runs/<date-time>)
              --jar FILE            (default target/hotline.jar)""";

    public BenchOptions {
        serverSettings = Map.copyOf(serverSettings);
        jvmOptions = List.copyOf(jvmOptions);
        if (cps <= 0 || concurrency < 1 || calls < 1) {
            throw new IllegalArgumentException("--cps, --concurrency and --calls must be positive");
        }
        if (waitShare < 0 || waitShare > 1 || (ivrOnly && waitShare > 0)) {
            throw new IllegalArgumentException("--wait-share is 0-1, and 0 with --ivr-only");
        }
        if (!ivrOnly && keyAfter.compareTo(callLength) >= 0) {
            throw new IllegalArgumentException("--key-after must be shorter than --call-length");
        }
        if (rtpPortMin % 2 != 0 || rtpPortMax <= rtpPortMin) {
            throw new IllegalArgumentException("--rtp-ports MIN-MAX: MIN even, MAX above it");
        }
    }

    /** Calls that press 2 and wait in queue backlog. */
    public int waitingCalls() {
        return (int) Math.round(calls * waitShare);
    }

    /** Calls that press the agent key (none with {@link #ivrOnly}). */
    public int agentCalls() {
        return ivrOnly ? 0 : calls - waitingCalls();
    }

    /** Calls that stay in the IVR. */
    public int ivrCalls() {
        return ivrOnly ? calls : 0;
    }

    /** Agents to register: as given, else the agent callers up at once plus those in wrap-up, plus two. */
    public int agentCount() {
        if (ivrOnly) {
            return agents.orElse(0);
        }
        return agents.orElseGet(() -> {
            double agentCps = cps * agentCalls() / calls;
            int busy = (int) Math.ceil(concurrency * (double) agentCalls() / calls);
            int wrapping = (int) Math.ceil(agentCps * (wrapUp.toMillis() + answerAfter.toMillis() + 1000) / 1000.0);
            return busy + wrapping + 2;
        });
    }

    public static Builder defaults() {
        return new Builder();
    }

    /** Parses {@code bench/run}'s arguments; throws {@link IllegalArgumentException} with the problem. */
    public static BenchOptions parse(String[] args) {
        Builder b = new Builder();
        Optional<Duration> duration = Optional.empty();
        Optional<Integer> calls = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--ivr-only")) {
                b.ivrOnly = true;
                continue;
            }
            if (option.equals("--jfr")) {
                b.jfr = true;
                continue;
            }
            if (!USAGE.contains("  " + option + " ")) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--cps" -> b.cps = Double.parseDouble(value);
                case "--concurrency" -> b.concurrency = Integer.parseInt(value);
                case "--calls" -> calls = Optional.of(Integer.parseInt(value));
                case "--duration" -> duration = Optional.of(duration(value));
                case "--call-length" -> b.callLength = duration(value);
                case "--key-after" -> b.keyAfter = duration(value);
                case "--wait-share" -> b.waitShare = Double.parseDouble(value);
                case "--wait-length" -> b.waitLength = Optional.of(duration(value));
                case "--agents" -> b.agents = Optional.of(Integer.parseInt(value));
                case "--answer-after" -> b.answerAfter = duration(value);
                case "--ring-delay" -> b.ringDelay = duration(value);
                case "--wrap-up" -> b.wrapUp = duration(value);
                case "--announce-first" -> b.announceFirst = duration(value);
                case "--recording" -> b.recording = value;
                case "--set" -> b.settings(List.of(value));
                case "--jvm-opts" -> b.jvmOptions = List.of(value.trim().split("\\s+"));
                case "--rtp-ports" -> {
                    String[] range = value.split("-");
                    b.rtpPortMin = Integer.parseInt(range[0]);
                    b.rtpPortMax = Integer.parseInt(range[1]);
                }
                case "--warmup-calls" -> b.warmupCalls = Integer.parseInt(value);
                case "--drain" -> b.drain = duration(value);
                case "--run-dir" -> b.runDirectory = Optional.of(Path.of(value));
                case "--jar" -> b.jar = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        b.calls = calls.orElse(duration.map(d -> (int) Math.round(b.cps * d.toMillis() / 1000.0)).orElse(b.concurrency));
        return b.build();
    }

    private static Duration duration(String text) {
        return DurationFormat.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a duration: " + text + " (write 500ms, 30s, 5m)"));
    }

    /** Mutable defaults for {@link #parse} and tests. */
    public static final class Builder {
        private double cps = 2;
        private int concurrency = 20;
        private Integer calls;
        private Duration callLength = Duration.ofSeconds(30);
        private Duration keyAfter = Duration.ofSeconds(5);
        private double waitShare;
        private Optional<Duration> waitLength = Optional.empty();
        private boolean ivrOnly;
        private Optional<Integer> agents = Optional.empty();
        private Duration answerAfter = Duration.ofSeconds(1);
        private Duration ringDelay = Duration.ofSeconds(1);
        private Duration wrapUp = Duration.ofSeconds(2);
        private Duration announceFirst = Duration.ofSeconds(45);
        private final Map<String, String> settings = new LinkedHashMap<>();
        private String recording = "all";
        private List<String> jvmOptions = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC");
        private int rtpPortMin = 16_000;
        private int rtpPortMax = 19_999;
        private int warmupCalls = 2;
        private Duration drain = Duration.ofSeconds(90);
        private Optional<Path> runDirectory = Optional.empty();
        private Path jar = Path.of("target", "hotline.jar");
        private boolean jfr;

        public Builder cps(double value) { cps = value; return this; }
        public Builder concurrency(int value) { concurrency = value; return this; }
        public Builder calls(int value) { calls = value; return this; }
        public Builder callLength(Duration value) { callLength = value; return this; }
        public Builder keyAfter(Duration value) { keyAfter = value; return this; }
        public Builder waitShare(double value) { waitShare = value; return this; }
        public Builder waitLength(Duration value) { waitLength = Optional.of(value); return this; }
        public Builder announceFirst(Duration value) { announceFirst = value; return this; }
        public Builder warmupCalls(int value) { warmupCalls = value; return this; }
        public Builder set(String key, String value) { settings.put(key, value); return this; }
        public Builder recording(String policy) { recording = policy; return this; }

        private void settings(List<String> pairs) {
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected key=value, got " + pair);
                }
                settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }

        public BenchOptions build() {
            Path run = runDirectory.orElseGet(() -> Path.of("target", "bench-runs",
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
            Map<String, String> resolved = new LinkedHashMap<>();
            settings.forEach((key, value) -> resolved.put(key, value.replace("{run}", run.toString())));
            Optional<Path> recordings = Optional.empty();
            if (!recording.equals("none")) {
                Path directory = run.resolve("recordings");
                resolved.putIfAbsent("recording.directory", directory.toString());
                recordings = Optional.of(Path.of(resolved.get("recording.directory")));
            }
            // in the queue from about 10 s after the key (the R9 phrase), then past the announcement by 10 s
            Duration waiting = waitLength.orElse(keyAfter.plus(announceFirst).plusSeconds(20));
            int total = calls != null ? calls : concurrency;
            List<String> jvm = new ArrayList<>(jvmOptions);
            if (jfr) {
                jvm.add("-XX:StartFlightRecording=filename=" + run.resolve("server.jfr") + ",settings=profile,dumponexit=true");
            }
            return new BenchOptions(cps, concurrency, total, callLength, keyAfter, waitShare, waiting, ivrOnly, agents,
                    answerAfter, ringDelay, wrapUp, announceFirst, resolved, recording, recordings, jvm, rtpPortMin, rtpPortMax,
                    warmupCalls, drain, run, jar.toAbsolutePath());
        }
    }
}
