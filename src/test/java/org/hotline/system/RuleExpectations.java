package org.hotline.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hotline.system.PrometheusServer.Sample;

/**
 * Every rule of {@code config/prometheus/alerts.yml}, read from the file, with what its expression
 * must return after {@link PrometheusSystemTest}'s calls (queue general: 1 answered within X, 1
 * abandoned; every IVR answer within three rings; nothing down). A rule without an expectation here
 * fails the test, so a new rule cannot go unchecked. Each expression must also only name series that
 * exist, so a misspelt metric cannot pass as "no alert".
 */
final class RuleExpectations {

    private static final Pattern SERIES_NAME = Pattern.compile("\\bhotline[_:][a-z0-9_:]+|\\bup\\b");
    private static final String Q = DashboardQueries.CALLED_QUEUE;

    /** What an expression returns now. */
    record Expectation(String description, Predicate<List<Sample>> holds) {
    }

    record Rule(String group, String name, boolean recording, String expr) {
    }

    private static final Map<String, Expectation> EXPECTED = Map.ofEntries(
            Map.entry("hotline:queue_offered:increase15m", perQueue("every queue, general offered 2 (extrapolated)",
                    value -> value >= 2 && value < 2.5)),
            Map.entry("hotline:queue_answered:increase15m", perQueue("general answered 1 (extrapolated)",
                    value -> value >= 1 && value < 1.25)),
            Map.entry("hotline:queue_service_level:ratio15m", perQueue("general 1 within X of 2 offered", value -> value == 0.5)),
            Map.entry("hotline:queue_answer_rate:ratio15m", perQueue("general 1 answered of 2 offered", value -> value == 0.5)),
            Map.entry("hotline:queue_abandon_rate:ratio15m", perQueue("general 1 abandoned of 2 offered", value -> value == 0.5)),
            Map.entry("hotline:ivr_three_ring_compliance:ratio1h", new Expectation("one series, 1.0: every IVR answer within 10 s",
                    samples -> samples.size() == 1 && samples.getFirst().value() == 1.0)),
            Map.entry("HotlineServiceLevelBelowTarget", alerting(Map.of("queue", Q))),
            Map.entry("HotlineAnswerRateBelowTarget", alerting(Map.of("queue", Q))),
            Map.entry("HotlineCallerWaitingOverMaxWait", quiet()),
            Map.entry("HotlineIvrAnswerOverThreeRings", quiet()),
            Map.entry("HotlineTooManyAgentsOnBreak", quiet()),
            Map.entry("HotlineQaCoverageShort", quiet()),
            Map.entry("HotlineComponentDown", quiet()),
            Map.entry("HotlineScrapeFailing", quiet()));

    private RuleExpectations() {
    }

    static List<Rule> load() {
        JsonNode rules;
        try {
            rules = new YAMLMapper().readTree(PrometheusServer.RULES.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + PrometheusServer.RULES, e);
        }
        List<Rule> all = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                boolean recording = rule.has("record");
                all.add(new Rule(group.path("name").asText(), rule.path(recording ? "record" : "alert").asText(), recording,
                        rule.path("expr").asText()));
            }
        }
        return all;
    }

    /** Problems with one rule: no expectation, a series name that does not exist, an unexpected answer. */
    static List<String> check(PrometheusServer prometheus, Rule rule) {
        List<String> problems = new ArrayList<>();
        Expectation expected = EXPECTED.get(rule.name());
        if (expected == null) {
            problems.add(rule.name() + ": no expectation in RuleExpectations; add what it returns after the test's calls");
            return problems;
        }
        for (String series : seriesNames(rule.expr())) {
            if (prometheus.query("count({__name__=\"" + series + "\"})").isEmpty()) {
                problems.add(rule.name() + ": names " + series + ", which Prometheus does not have");
            }
        }
        List<Sample> answer = prometheus.query(rule.expr());
        // a recording rule is judged by what Prometheus recorded: evaluated now, an expression that reads
        // another recorded series mixes that evaluation's window with this instant's
        List<Sample> judged = rule.recording() ? prometheus.query(rule.name()) : answer;
        if (!expected.holds().test(judged)) {
            problems.add(rule.name() + ": expected " + expected.description() + ", got " + judged + " from " + rule.expr());
        }
        if (rule.recording()) {
            Set<Map<String, String>> recorded = judged.stream().map(Sample::ownLabels).collect(Collectors.toSet());
            Set<Map<String, String>> evaluated = answer.stream().map(Sample::ownLabels).collect(Collectors.toSet());
            if (!recorded.equals(evaluated)) {
                problems.add(rule.name() + ": recorded series " + recorded + " differ from its expression's " + evaluated);
            }
        }
        return problems;
    }

    static Set<String> seriesNames(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SERIES_NAME.matcher(expr.replaceAll("\\{[^}]*}", "{}"));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** One series per configured queue; queue general's value satisfies {@code general}. */
    private static Expectation perQueue(String description, Predicate<Double> general) {
        return new Expectation(description, samples -> samples.stream().map(sample -> sample.labels().get("queue"))
                .collect(Collectors.toSet()).equals(Set.of("general", "billing", "support"))
                && samples.stream().anyMatch(sample -> Q.equals(sample.labels().get("queue")) && general.test(sample.value())));
    }

    private static Expectation alerting(Map<String, String> labels) {
        return new Expectation("exactly one series " + labels,
                samples -> samples.size() == 1 && samples.getFirst().ownLabels().equals(labels));
    }

    private static Expectation quiet() {
        return new Expectation("no series", List::isEmpty);
    }
}
