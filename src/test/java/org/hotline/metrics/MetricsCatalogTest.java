package org.hotline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.hotline.metrics.MetricsCatalog.Meter;
import org.junit.jupiter.api.Test;

/** The catalog: every meter exported under its documented name, bounded tags, rule R1's answer delay. */
class MetricsCatalogTest {

    private static final Path DOCS = Path.of("docs/metrics.md");
    private final HotlineMetrics metrics = Fixtures.metrics(Clock.systemUTC());
    private final MetricsCatalog catalog = metrics.catalog();

    @Test
    void everyMeterOfTheCatalogIsExposedUnderItsPrometheusName() {
        metrics.endpoint(Fixtures.idleParts()).scrape();
        catalog.sipRequest("INVITE", "in");
        catalog.sipResponse("INVITE", 180, "out");
        catalog.agentStatusRefused("ON_BREAK", "CONCURRENT_BREAKS_REACHED");

        Exposition scrape = Fixtures.scrape(metrics);
        for (Meter meter : Meter.values()) {
            String name = meter.prometheusName();
            boolean histogram = meter.kind() == Meter.Kind.TIMER || meter.kind() == Meter.Kind.SUMMARY;
            assertTrue(scrape.hasName(histogram ? name + "_count" : name), meter + " as " + name + " in\n" + scrape.text());
        }
        assertEquals(0, scrape.value("hotline_queue_calls_total", "queue", "billing", "outcome", "short_abandoned"),
                "every configured queue's meters exist at 0");
    }

    @Test
    void tagValuesStayBounded() {
        catalog.queueEntered("a queue nobody configured");
        catalog.sipRequest("XYZZY", "in");
        catalog.sipResponse("INVITE", 42, "in");

        Exposition scrape = Fixtures.scrape(metrics);
        assertEquals(1, scrape.value("hotline_queue_entered_total", "queue", MetricsCatalog.OTHER_QUEUE));
        assertEquals(1, scrape.value("hotline_sip_requests_total", "method", "OTHER", "direction", "in"));
        assertEquals(1, scrape.value("hotline_sip_responses_total", "method", "INVITE", "code", "other", "direction", "in"));
    }

    @Test
    void ivrAnswerDelayHasRuleR1sThreeRingsAsABucketAndForgetsCallsNeverAnswered() {
        CallMetricsListener calls = new CallMetricsListener(catalog, Fixtures.SETTINGS);
        Instant t0 = Instant.parse("2026-03-10T02:00:00Z");
        List<Duration> delays = List.of(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(10_500));
        for (int i = 0; i < delays.size(); i++) {
            calls.onEvent(new CallEvent.Offered("a" + i, t0, "13800138000", "4008001234", "SIP"));
            calls.onEvent(new CallEvent.Answered("a" + i, t0.plus(delays.get(i))));
            calls.onEvent(new CallEvent.Ended("a" + i, t0.plusSeconds(60), EndReason.COMPLETED));
        }
        calls.onEvent(new CallEvent.Offered("cancelled", t0, "13800138000", "4008001234", "SIP"));
        calls.onEvent(new CallEvent.Ended("cancelled", t0.plusSeconds(3), EndReason.CANCELLED));
        calls.onEvent(new CallEvent.Answered("cancelled", t0.plusSeconds(4)));

        Exposition scrape = Fixtures.scrape(metrics);
        String delay = "hotline_ivr_answer_delay_seconds";
        assertEquals(1, scrape.value(delay + "_bucket", "le", "8.0"));
        assertEquals(2, scrape.value(delay + "_bucket", "le", "10.0"), "10 s is within three rings");
        assertEquals(3, scrape.value(delay + "_bucket", "le", "15.0"));
        assertEquals(3, scrape.value(delay + "_count"), "an answer after the call ended is not an answer");
        assertEquals(4, scrape.value("hotline_calls_offered_total", "front", "sip"));
        assertEquals(1, scrape.value("hotline_calls_ended_total", "reason", "cancelled"));
    }

    @Test
    void docsDescribeEveryMeterAndNoOther() throws IOException {
        String docs = Files.readString(DOCS);
        Set<String> documented = new TreeSet<>();
        Matcher names = Pattern.compile("\\bhotline_[a-z0-9_]+").matcher(docs);
        while (names.find()) {
            documented.add(names.group().replaceAll("_(bucket|count|sum|max)$", ""));
        }
        Set<String> meters = Arrays.stream(Meter.values()).map(Meter::prometheusName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> undocumented = new TreeSet<>(meters);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(meters);
        assertTrue(undocumented.isEmpty(), "meters missing from " + DOCS + ": " + undocumented);
        assertTrue(unknown.isEmpty(), DOCS + " names meters the catalog does not have: " + unknown);
    }
}
