package org.hotline.qa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hotline.store.CallRecord;

/**
 * Rule R14's weekly sample, as a pure function: for each agent who took recorded calls in the
 * week, {@code perAgent} of them drawn uniformly at random without replacement (every call equally
 * likely, whatever its length; all of them if the agent took fewer), plus every complaint call
 * (rule R15). The draw is seeded by the configured seed, the week and the agent, over the agent's
 * calls in call-id order, so the same week gives the same sample on any machine, and nobody can
 * choose which calls are heard. Stateless; any thread.
 */
public final class QaSampler {

    private final int perAgent;
    private final long seed;

    public QaSampler(int perAgent, long seed) {
        if (perAgent < 1) {
            throw new IllegalArgumentException("perAgent must be at least 1: " + perAgent);
        }
        this.perAgent = perAgent;
        this.seed = seed;
    }

    /**
     * The random part: agent → the call ids drawn from the agent's recorded calls of the week.
     *
     * @param recorded the week's calls that an agent took and that have a recording
     */
    /** How many calls a week each agent should get drawn (rule R14: at least 3). */
    public int perAgent() {
        return perAgent;
    }

    public Map<String, List<String>> draw(IsoWeek week, List<CallRecord> recorded) {
        Map<String, List<String>> byAgent = new TreeMap<>();
        for (CallRecord call : recorded) {
            byAgent.computeIfAbsent(call.agent(), agent -> new ArrayList<>()).add(call.callId());
        }
        Map<String, List<String>> drawn = new LinkedHashMap<>();
        byAgent.forEach((agent, calls) -> {
            List<String> pool = new ArrayList<>(calls);
            pool.sort(Comparator.naturalOrder());
            Collections.shuffle(pool, new Random(seedFor(week, agent)));
            List<String> chosen = new ArrayList<>(pool.subList(0, Math.min(perAgent, pool.size())));
            chosen.sort(Comparator.naturalOrder());
            drawn.put(agent, List.copyOf(chosen));
        });
        return drawn;
    }

    /**
     * The sample QA sees: the drawn calls and every complaint call, one entry per call, by agent.
     *
     * @param drawn      agent → drawn call ids ({@link #draw}, or as stored for a past week)
     * @param calls      the records of the drawn calls and of the complaint calls
     * @param complaints the week's complaint calls
     */
    public static List<SampledCall> combine(Map<String, List<String>> drawn, List<CallRecord> calls, List<CallRecord> complaints) {
        Map<String, CallRecord> byId = new LinkedHashMap<>();
        calls.forEach(call -> byId.put(call.callId(), call));
        complaints.forEach(call -> byId.put(call.callId(), call));
        Map<String, SampledCall> sample = new TreeMap<>();
        drawn.forEach((agent, ids) -> ids.forEach(id -> {
            CallRecord call = byId.get(id);
            sample.put(agent + "\u0000" + id, new SampledCall(agent, id, call == null ? null : call.recordingId(), true,
                    call != null && call.hasComplaint()));
        }));
        for (CallRecord complaint : complaints) {
            String agent = complaint.agent() == null ? "" : complaint.agent();
            sample.merge(agent + "\u0000" + complaint.callId(),
                    new SampledCall(agent, complaint.callId(), complaint.recordingId(), false, true),
                    (random, flagged) -> new SampledCall(random.agent(), random.callId(), random.recordingId(), true, true));
        }
        return List.copyOf(sample.values());
    }

    private long seedFor(IsoWeek week, String agent) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + week + ":" + agent).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
