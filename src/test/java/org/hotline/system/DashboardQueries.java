package org.hotline.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every query of {@code config/grafana/dashboards/hotline.json}, read from the file so a new panel is
 * covered without touching the test: each panel target, and the {@code queue} variable's
 * {@code label_values}. Grafana's variables become what "All" selects ({@code $queue} is {@code .*}), and
 * a panel's time range ({@code $__range}) the last hour.
 */
final class DashboardQueries {

    static final Path DASHBOARD = Path.of("config", "grafana", "dashboards", "hotline.json");
    /** The queue the system test's calls went through: its series must have a value. */
    static final String CALLED_QUEUE = "general";
    private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((\\w+),\\s*(\\w+)\\)");

    private DashboardQueries() {
    }

    /** One query and the legend that names its series. */
    record Query(String where, String expr, String legendFormat) {
    }

    static List<Query> load() {
        JsonNode dashboard;
        try {
            dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DASHBOARD, e);
        }
        List<Query> queries = new ArrayList<>();
        collect(dashboard.path("panels"), queries);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            Matcher values = LABEL_VALUES.matcher(variable.path("definition").asText());
            if (values.matches()) {
                queries.add(new Query("variable $" + variable.path("name").asText(),
                        "count by (" + values.group(2) + ") (" + values.group(1) + ")", "{{" + values.group(2) + "}}"));
            }
        }
        if (queries.size() < 10) {
            throw new AssertionError("only " + queries.size() + " queries found in " + DASHBOARD);
        }
        return queries;
    }

    /** Panels, and the panels of collapsed rows. */
    private static void collect(JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            collect(panel.path("panels"), queries);
            for (JsonNode target : panel.path("targets")) {
                String where = "panel \"" + panel.path("title").asText() + "\" " + target.path("refId").asText();
                queries.add(new Query(where, substitute(target.path("expr").asText()),
                        target.path("legendFormat").asText("")));
            }
        }
    }

    private static String substitute(String expr) {
        return expr.replace("$queue", ".*").replace("$__range", "1h");
    }

    /**
     * Problems with one query: it fails, returns nothing, lacks a label its legend names, or has no
     * finite value for the called queue (other queues may be 0 ÷ 0); a query without queues must be
     * finite throughout.
     */
    static List<String> check(PrometheusServer prometheus, Query query) {
        List<String> problems = new ArrayList<>();
        if (query.expr().contains("$")) {
            problems.add(query.where() + ": an unknown Grafana variable in " + query.expr());
            return problems;
        }
        List<PrometheusServer.Sample> samples;
        try {
            samples = prometheus.query(query.expr());
        } catch (AssertionError e) {
            problems.add(query.where() + ": " + e.getMessage());
            return problems;
        }
        if (samples.isEmpty()) {
            problems.add(query.where() + ": no series for " + query.expr());
            return problems;
        }
        Matcher legend = LEGEND_LABEL.matcher(query.legendFormat());
        while (legend.find()) {
            String label = legend.group(1);
            if (samples.stream().anyMatch(sample -> !sample.labels().containsKey(label))) {
                problems.add(query.where() + ": a series without label " + label + " its legend shows: " + samples);
            }
        }
        boolean perQueue = samples.stream().anyMatch(sample -> sample.labels().containsKey("queue"));
        List<PrometheusServer.Sample> mustBeFinite = perQueue
                ? samples.stream().filter(sample -> CALLED_QUEUE.equals(sample.labels().get("queue"))).toList()
                : samples;
        if (mustBeFinite.isEmpty() || mustBeFinite.stream().anyMatch(sample -> !Double.isFinite(sample.value()))) {
            problems.add(query.where() + ": no finite value" + (perQueue ? " for queue " + CALLED_QUEUE : "")
                    + ": " + samples + " from " + query.expr());
        }
        return problems;
    }
}
