package org.hotline.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hotline.config.RecordingPolicy;
import org.junit.jupiter.api.Test;

/** Rule R14's per-queue policy: all, none, or a seeded, reproducible share of calls. */
class RecordingDecisionTest {

    private static final Map<String, RecordingPolicy> POLICIES = Map.of(
            "general", RecordingPolicy.ALL, "vip", RecordingPolicy.NONE, "billing", new RecordingPolicy(25));

    @Test
    void allRecordsEveryCallAndNoneNoCall() {
        RecordingDecision decision = new RecordingDecision(POLICIES, new SplittableRandom(1));
        for (int i = 0; i < 1000; i++) {
            assertTrue(decision.record("general"));
            assertFalse(decision.record("vip"));
        }
    }

    @Test
    void aPercentageRecordsThatShareOfCallsDrawnFromTheSeededRandom() {
        RecordingDecision decision = new RecordingDecision(POLICIES, new SplittableRandom(7));
        int calls = 20_000;
        int recorded = 0;
        for (int i = 0; i < calls; i++) {
            recorded += decision.record("billing") ? 1 : 0;
        }
        // binomial(20000, 0.25): standard deviation 61; 5 sigma either side
        assertEquals(5000, recorded, 310, "recorded of " + calls);
    }

    @Test
    void theSameSeedDrawsTheSameCalls() {
        assertEquals(draws(99), draws(99));
    }

    @Test
    void aQueueWithoutAPolicyIsRecordedByDefault() {
        assertTrue(new RecordingDecision(POLICIES, new SplittableRandom(1)).record("unknown"));
    }

    @Test
    void policiesParseAsWrittenInTheConfiguration() {
        assertEquals(Optional.of(RecordingPolicy.ALL), RecordingPolicy.parse("all"));
        assertEquals(Optional.of(RecordingPolicy.NONE), RecordingPolicy.parse("none"));
        assertEquals(Optional.of(new RecordingPolicy(25)), RecordingPolicy.parse("25%"));
        assertEquals(Optional.of(RecordingPolicy.NONE), RecordingPolicy.parse("0%"));
        assertEquals(Optional.of(RecordingPolicy.ALL), RecordingPolicy.parse("100%"));
        for (String bad : List.of("150%", "-5%", "25", "12.5%", "half", "", "ALL")) {
            assertEquals(Optional.empty(), RecordingPolicy.parse(bad), bad);
        }
        assertEquals("25%", new RecordingPolicy(25).toString());
    }

    private static List<Boolean> draws(long seed) {
        RecordingDecision decision = new RecordingDecision(POLICIES, new SplittableRandom(seed));
        List<Boolean> result = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            result.add(decision.record("billing"));
        }
        return result;
    }
}
