package org.hotline.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.hotline.store.CallOutcome;
import org.hotline.store.CallRecord;
import org.junit.jupiter.api.Test;

/** Rule R14: at least 3 sampled calls per agent per week, drawn fairly and reproducibly. */
class QaSamplerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final IsoWeek FIRST_WEEK = new IsoWeek(2026, 10);
    private static final int WEEKS = 4;
    private static final int AGENTS = 20;
    /** Chi-square, 3 degrees of freedom, alpha = 0.001. */
    private static final double CHI_SQUARE_CRITICAL = 16.27;

    /** A simulated month: each agent takes 1-80 calls a week, talk times log-normal around 4 minutes. */
    private static Map<IsoWeek, List<CallRecord>> month(long seed) {
        Random random = new Random(seed);
        Map<IsoWeek, List<CallRecord>> weeks = new HashMap<>();
        IsoWeek week = FIRST_WEEK;
        for (int w = 0; w < WEEKS; w++) {
            List<CallRecord> calls = new ArrayList<>();
            Instant monday = week.start(SHANGHAI);
            for (int a = 0; a < AGENTS; a++) {
                String agent = Integer.toString(1001 + a);
                int count = 1 + random.nextInt(80);
                for (int c = 0; c < count; c++) {
                    Instant at = monday.plusSeconds(random.nextInt(7 * 24 * 3600));
                    long talkSeconds = Math.round(Math.exp(Math.log(240) + 0.9 * random.nextGaussian()));
                    calls.add(call("w" + w + "-a" + agent + "-c" + c, agent, at, Duration.ofSeconds(talkSeconds)));
                }
            }
            weeks.put(week, calls);
            week = new IsoWeek(week.year(), week.week() + 1);
        }
        return weeks;
    }

    private static CallRecord call(String id, String agent, Instant connected, Duration talked) {
        return new CallRecord(id, "138", "4008001234", connected.minusSeconds(30), connected.minusSeconds(28),
                connected.minusSeconds(20), connected, connected.plus(talked), "1", "general", agent, CallOutcome.SERVED,
                "COMPLETED", Duration.ofSeconds(20), talked, null, null, null, "rec-" + id, null, connected.plus(talked));
    }

    @Test
    void everyAgentWhoTookCallsGetsAtLeastThreeSampledEveryWeekOfAMonth() {
        QaSampler sampler = new QaSampler(3, 42);
        month(1).forEach((week, calls) -> {
            Map<String, Long> taken = calls.stream().collect(Collectors.groupingBy(CallRecord::agent, Collectors.counting()));
            Map<String, List<String>> drawn = sampler.draw(week, calls);
            assertEquals(taken.keySet(), drawn.keySet(), week + ": every agent who took calls is sampled");
            taken.forEach((agent, count) -> assertEquals(Math.min(3, count), drawn.get(agent).size(),
                    week + " agent " + agent + " took " + count));
            drawn.forEach((agent, ids) -> assertEquals(ids.size(), ids.stream().distinct().count(), "no call twice"));
        });
    }

    @Test
    void theSameSeedDrawsTheSameSampleAndAnotherSeedAnother() {
        List<CallRecord> calls = month(2).get(FIRST_WEEK);
        List<CallRecord> shuffled = new ArrayList<>(calls);
        java.util.Collections.shuffle(shuffled, new Random(9));
        assertEquals(new QaSampler(3, 42).draw(FIRST_WEEK, calls), new QaSampler(3, 42).draw(FIRST_WEEK, shuffled),
                "the order the database returns calls in does not matter");
        assertNotEquals(new QaSampler(3, 42).draw(FIRST_WEEK, calls), new QaSampler(3, 43).draw(FIRST_WEEK, calls));
        assertNotEquals(new QaSampler(3, 42).draw(FIRST_WEEK, calls), new QaSampler(3, 42).draw(FIRST_WEEK.previous(), calls),
                "each week is drawn afresh");
    }

    @Test
    void everyComplaintCallIsInTheSampleBesidesTheDrawnOnes() {
        List<CallRecord> calls = month(3).get(FIRST_WEEK).stream().filter(call -> call.agent().equals("1001")).toList();
        assertTrue(calls.size() > 3, "the test needs more calls than the draw takes");
        Map<String, List<String>> drawn = new QaSampler(3, 42).draw(FIRST_WEEK, calls);
        List<CallRecord> complaints = calls.stream().filter(call -> !drawn.get("1001").contains(call.callId())).limit(2)
                .map(call -> flagged(call)).toList();
        List<SampledCall> sample = QaSampler.combine(drawn, calls, complaints);
        assertEquals(5, sample.size());
        assertEquals(3, sample.stream().filter(SampledCall::random).count());
        assertEquals(complaints.stream().map(CallRecord::callId).sorted().toList(),
                sample.stream().filter(SampledCall::complaint).map(SampledCall::callId).sorted().toList());
    }

    private static CallRecord flagged(CallRecord call) {
        return new CallRecord(call.callId(), call.caller(), call.dialledNumber(), call.arrivedAt(), call.answeredAt(),
                call.queuedAt(), call.connectedAt(), call.endedAt(), call.menuPath(), call.queue(), call.agent(), call.outcome(),
                call.endReason(), call.waited(), call.talked(), call.held(), call.wrapUp(), call.surveyScore(),
                call.recordingId(), new CallRecord.Complaint("sup", call.endedAt(), "escalated"), call.lastEventAt());
    }

    /**
     * Where each drawn call's length ranks among its agent's calls that week, in quartiles: a fair
     * draw spreads evenly. A draw biased to short calls (the check's own control) does not.
     */
    @Test
    void theDrawIsNotBiasedByCallLength() {
        Map<IsoWeek, List<CallRecord>> month = month(4);
        QaSampler sampler = new QaSampler(10, 42);
        double fair = chiSquareOfLengthQuartiles(month, sampler::draw);
        assertTrue(fair < CHI_SQUARE_CRITICAL, "chi-square " + fair + " over length quartiles shows a bias");

        double shortest = chiSquareOfLengthQuartiles(month, (week, calls) -> shortestTen(calls));
        assertTrue(shortest > CHI_SQUARE_CRITICAL, "the check must catch a biased draw; chi-square " + shortest);
    }

    private static double chiSquareOfLengthQuartiles(Map<IsoWeek, List<CallRecord>> month,
            BiFunction<IsoWeek, List<CallRecord>, Map<String, List<String>>> draw) {
        long[] quartiles = new long[4];
        month.forEach((week, calls) -> {
            Map<String, List<CallRecord>> byAgent = calls.stream().collect(Collectors.groupingBy(CallRecord::agent));
            draw.apply(week, calls).forEach((agent, ids) -> {
                List<CallRecord> pool = new ArrayList<>(byAgent.get(agent));
                if (pool.size() <= ids.size()) {
                    return; // everything taken: no choice was made
                }
                pool.sort(Comparator.comparing(CallRecord::talked).thenComparing(CallRecord::callId));
                for (String id : ids) {
                    int rank = indexOf(pool, id);
                    quartiles[(int) Math.min(3, 4L * rank / pool.size())]++;
                }
            });
        });
        long total = quartiles[0] + quartiles[1] + quartiles[2] + quartiles[3];
        assertTrue(total >= 400, "enough drawn calls for the test: " + total);
        double expected = total / 4.0;
        double chiSquare = 0;
        for (long observed : quartiles) {
            chiSquare += (observed - expected) * (observed - expected) / expected;
        }
        return chiSquare;
    }

    private static int indexOf(List<CallRecord> pool, String id) {
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).callId().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id + " was drawn but is not in the pool");
    }

    private static Map<String, List<String>> shortestTen(List<CallRecord> calls) {
        return calls.stream().collect(Collectors.groupingBy(CallRecord::agent, Collectors.collectingAndThen(Collectors.toList(),
                agentCalls -> agentCalls.stream().sorted(Comparator.comparing(CallRecord::talked)).limit(10)
                        .map(CallRecord::callId).toList())));
    }

    @Test
    void weeksAreIsoWeeksInTheServiceTimeZone() {
        assertEquals(FIRST_WEEK, IsoWeek.parse("2026-W10").orElseThrow());
        assertEquals("2026-W10", FIRST_WEEK.toString());
        assertEquals(Instant.parse("2026-03-01T16:00:00Z"), FIRST_WEEK.start(SHANGHAI), "Monday 2 March 00:00 in Shanghai");
        assertEquals(FIRST_WEEK, IsoWeek.of(Instant.parse("2026-03-01T16:00:00Z"), SHANGHAI));
        assertEquals(FIRST_WEEK.previous(), IsoWeek.of(Instant.parse("2026-03-01T15:59:59Z"), SHANGHAI));
        assertTrue(IsoWeek.parse("2026-W54").isEmpty());
        assertTrue(IsoWeek.parse("next week").isEmpty());
    }
}
