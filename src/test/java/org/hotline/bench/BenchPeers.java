package org.hotline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SIPp processes of a bench run, as {@link BenchSipp.Spec}s: the agents' phones (one UAS for
 * all agents, echoing RTP), the agents' registrations, and the three kinds of callers (agent key,
 * unstaffed queue, IVR only), each kind with its share of the rate and of the concurrency.
 * Scenarios are the templates in {@code bench/sipp/}. Stateless.
 */
final class BenchPeers {

    static final Path SCENARIOS = Path.of("bench", "sipp");
    /** The pause between the key's capture and the talk after it (caller.xml). */
    private static final Duration KEY_PLAY = Duration.ofMillis(200);
    /**
     * The agents' UAS's limit on calls up at once (-l), per agent: an agent has one call, and one
     * more may be ending. Explicit because a UAS takes its default from a rate it does not have, and
     * SIPp wants the limit (plus its sockets) below the open-file limit.
     */
    private static final int UAS_CALLS_PER_AGENT = 2;
    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MARGIN = Duration.ofMinutes(2);

    private BenchPeers() {
    }

    static BenchSipp.Spec agentPhones(BenchOptions o, Duration lifetime) {
        return new BenchSipp.Spec("agents", SCENARIOS.resolve("agent.xml"),
                Map.of("ANSWER_MS", Long.toString(o.answerAfter().toMillis())), null, null, 0, 0, 0, List.of(),
                List.of("-rtp_echo", "-l", Integer.toString(UAS_CALLS_PER_AGENT * o.agentCount() + 100)), lifetime);
    }

    /** One agent's registration (SIPp 3.6 reads no injection-file field inside [authentication]). */
    static BenchSipp.Spec registration(String server, String workNumber, int agentsSipPort, int attempt) {
        return new BenchSipp.Spec("register/" + workNumber + (attempt == 1 ? "" : "-" + attempt), SCENARIOS.resolve("register.xml"), Map.of(), server, workNumber,
                1, 10, 1, List.of(), List.of("-au", workNumber, "-ap", BenchConfig.password(workNumber),
                        "-key", "agents_uas", "127.0.0.1:" + agentsSipPort), REGISTER_TIMEOUT);
    }

    /** The load's callers: one SIPp per kind that has calls. */
    static List<BenchSipp.Spec> callers(BenchOptions o, String server) {
        List<BenchSipp.Spec> specs = new ArrayList<>();
        if (o.ivrCalls() > 0) {
            specs.add(ivrCallers("callers-ivr", o, server, o.ivrCalls(), o.callLength()));
        }
        if (o.agentCalls() > 0) {
            specs.add(keyCallers("callers-agent", o, server, BenchConfig.AGENT_KEY, o.agentCalls(), o.callLength()));
        }
        if (o.waitingCalls() > 0) {
            specs.add(keyCallers("callers-waiting", o, server, BenchConfig.WAIT_KEY, o.waitingCalls(), o.waitLength()));
        }
        return specs;
    }

    /** A few short calls of the main kind, one a second, before the idle baseline. */
    static BenchSipp.Spec warmup(BenchOptions o, String server) {
        int calls = o.warmupCalls();
        Duration length = o.ivrOnly() ? shorter(o.callLength(), Duration.ofSeconds(3))
                : o.keyAfter().plus(KEY_PLAY).plusSeconds(3);
        BenchSipp.Spec spec = o.ivrOnly() ? ivrCallers("warmup", o, server, calls, length)
                : keyCallers("warmup", o, server, BenchConfig.AGENT_KEY, calls, length);
        return new BenchSipp.Spec(spec.label(), spec.scenario(), spec.substitutions(), server, spec.service(), calls, 10,
                calls, spec.files(), spec.extra(), spec.timeout());
    }

    private static BenchSipp.Spec keyCallers(String label, BenchOptions o, String server, char key, int calls, Duration length) {
        Path dir = o.runDirectory();
        long talk = length.minus(o.keyAfter()).minus(KEY_PLAY).toMillis();
        return new BenchSipp.Spec(label, SCENARIOS.resolve("caller.xml"),
                Map.of("KEY", Character.toString(key), "KEY_AFTER_MS", Long.toString(o.keyAfter().toMillis()),
                        "TALK_MS", Long.toString(talk)),
                server, BenchConfig.NUMBER, calls, ratePer10s(o, calls), limit(o, calls),
                List.of(dir.resolve("before-key-" + key + ".pcap"), dir.resolve("dtmf_2833_" + key + ".pcap"),
                        dir.resolve("talk-" + key + ".pcap")),
                List.of(), timeout(o, calls, length));
    }

    private static BenchSipp.Spec ivrCallers(String label, BenchOptions o, String server, int calls, Duration length) {
        return new BenchSipp.Spec(label, SCENARIOS.resolve("caller-ivr.xml"), Map.of("TALK_MS", Long.toString(length.toMillis())),
                server, BenchConfig.NUMBER, calls, ratePer10s(o, calls), limit(o, calls),
                List.of(o.runDirectory().resolve("talk-ivr.pcap")), List.of(), timeout(o, calls, length));
    }

    /** This kind's share of the calls per second, in calls per 10 s (SIPp's -r with -rp 10000). */
    private static int ratePer10s(BenchOptions o, int calls) {
        return Math.max(1, (int) Math.round(o.cps() * 10 * calls / o.calls()));
    }

    private static int limit(BenchOptions o, int calls) {
        return Math.max(1, (int) Math.round((double) o.concurrency() * calls / o.calls()));
    }

    /** Long enough to place every call at the rate and let the last one run, plus a margin. */
    private static Duration timeout(BenchOptions o, int calls, Duration length) {
        long placingSeconds = (long) Math.ceil(calls * 10.0 / ratePer10s(o, calls));
        long waves = (long) Math.ceil((double) calls / limit(o, calls));
        return length.multipliedBy(waves).plusSeconds(placingSeconds).plus(o.ringDelay()).plus(MARGIN);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
