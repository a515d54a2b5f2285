package org.hotline.qa;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.store.CallRecord;
import org.hotline.store.JdbcCallRecordStore;
import org.hotline.store.JdbcQaStore;

/**
 * QA's weekly sample over the store (rule R14): a week that is over is drawn once and kept, so
 * its sample never changes afterwards; the current week is drawn on request (provisional, it
 * grows with the week's calls). Complaint calls (rule R15) are added as they are flagged.
 * Thread-safe (stateless over the store).
 */
public final class QaService {

    private final JdbcCallRecordStore calls;
    private final JdbcQaStore qa;
    private final QaSampler sampler;
    private final ZoneId zone;
    private final Clock clock;

    public QaService(JdbcCallRecordStore calls, JdbcQaStore qa, QaSampler sampler, ZoneId zone, Clock clock) {
        this.calls = calls;
        this.qa = qa;
        this.sampler = sampler;
        this.zone = zone;
        this.clock = clock;
    }

    /** A week's sample; {@code provisional} while the week is not over. */
    public record WeekSample(IsoWeek week, boolean provisional, List<SampledCall> calls) {}

    public IsoWeek currentWeek() {
        return IsoWeek.of(clock.instant(), zone);
    }

    public WeekSample sample(IsoWeek week) {
        Instant from = week.start(zone);
        Instant to = week.end(zone);
        boolean over = !clock.instant().isBefore(to);
        Map<String, List<String>> drawn = over ? stored(week) : Map.of();
        if (drawn.isEmpty()) {
            drawn = sampler.draw(week, calls.recordedCallsConnected(from, to));
            if (over) {
                qa.storeSample(week.toString(), drawn, clock.instant());
                drawn = stored(week); // a concurrent request may have stored its draw first: the same draw
            }
        }
        List<String> ids = new ArrayList<>();
        drawn.values().forEach(ids::addAll);
        List<CallRecord> complaints = calls.complaintCalls(from, to);
        return new WeekSample(week, !over, QaSampler.combine(drawn, calls.callsById(ids), complaints));
    }

    /**
     * Rule R14's coverage: agents connected to callers this week whose random draw is short of the
     * configured number (fewer recorded calls than that; e.g. their queue records none or a share).
     */
    public int agentsUnderSampled() {
        IsoWeek week = currentWeek();
        Instant from = week.start(zone);
        Instant to = week.end(zone);
        Map<String, List<String>> drawn = sampler.draw(week, calls.recordedCallsConnected(from, to));
        return (int) calls.agentsConnected(from, to).stream()
                .filter(agent -> drawn.getOrDefault(agent, List.of()).size() < sampler.perAgent())
                .count();
    }

    private Map<String, List<String>> stored(IsoWeek week) {
        Map<String, List<String>> drawn = new LinkedHashMap<>();
        for (JdbcQaStore.SampleRow row : qa.storedSample(week.toString())) {
            drawn.computeIfAbsent(row.agent(), agent -> new ArrayList<>()).add(row.callId());
        }
        return drawn;
    }
}
