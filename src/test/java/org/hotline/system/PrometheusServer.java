package org.hotline.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Debian's {@code prometheus} on 127.0.0.1 (a free port, its own storage under
 * {@code target/system-runs/}), scraping one Hotline's {@code /metrics} every second as job
 * {@code hotline} and evaluating {@code config/prometheus/alerts.yml} every second; and a client of its
 * HTTP API ({@code /api/v1/query}, {@code /api/v1/rules}, {@code /api/v1/alerts}). Not thread-safe: the
 * test thread owns it.
 */
public final class PrometheusServer implements AutoCloseable {

    public static final Path RULES = Path.of("config", "prometheus", "alerts.yml").toAbsolutePath();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExternalProgram process;
    private final int port;
    private final Path dir;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private PrometheusServer(ExternalProgram process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** One series of an instant query's answer. */
    public record Sample(Map<String, String> labels, double value) {

        /** The labels without the metric name and the scrape's job and instance. */
        public Map<String, String> ownLabels() {
            Map<String, String> own = new TreeMap<>(labels);
            own.remove("__name__");
            own.remove("job");
            own.remove("instance");
            return own;
        }
    }

    /** Starts Prometheus scraping {@code 127.0.0.1:<httpPort>/metrics} and waits until it is ready. */
    public static PrometheusServer start(int httpPort) {
        ExternalProgram.requireInstalled("prometheus");
        Path dir = RunDirectory.create("prometheus");
        int port = FreePorts.tcpPort();
        Path config = dir.resolve("prometheus.yml");
        write(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: hotline
                    metrics_path: /metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(RULES, httpPort));
        ExternalProgram process = ExternalProgram.start(List.of("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--storage.tsdb.retention.time=1h",
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"), dir, "prometheus");
        PrometheusServer server = new PrometheusServer(process, port, dir);
        try {
            Await.until(server::ready, READY_TIMEOUT, Duration.ofMillis(200),
                    () -> "Prometheus ready on 127.0.0.1:" + port + "; stderr:\n" + process.stderr());
        } catch (AssertionError e) {
            process.terminate();
            throw e;
        }
        return server;
    }

    public Path runDirectory() {
        return dir;
    }

    /** Evaluates {@code promql} now; fails on a query error or a non-vector answer. */
    public List<Sample> query(String promql) {
        JsonNode data = api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), promql);
        if (!"vector".equals(data.path("resultType").asText())) {
            throw new AssertionError("not an instant vector (" + data.path("resultType") + "): " + promql);
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            Map<String, String> labels = new TreeMap<>();
            series.path("metric").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            samples.add(new Sample(labels, parse(series.path("value").get(1).asText())));
        }
        return samples;
    }

    /** Waits until {@code promql}'s answer satisfies {@code condition} (Prometheus scrapes and evaluates every second). */
    public List<Sample> awaitQuery(String promql, Predicate<List<Sample>> condition, Duration timeout) {
        List<List<Sample>> last = new ArrayList<>(List.of(List.of()));
        Await.until(() -> {
            last.set(0, query(promql));
            return condition.test(last.getFirst());
        }, timeout, Duration.ofMillis(250), () -> promql + " to hold; last answer " + last.getFirst());
        return last.getFirst();
    }

    /** {@code /api/v1/rules}: the rule groups with each rule's health and last error. */
    public JsonNode rules() {
        return api("/api/v1/rules", "rules");
    }

    /** {@code /api/v1/alerts}: pending and firing alerts. */
    public JsonNode alerts() {
        return api("/api/v1/alerts", "alerts");
    }

    @Override
    public void close() {
        process.terminate();
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new AssertionError("Prometheus exited at start-up:\n" + process.stderr());
        }
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode api(String pathAndQuery, String what) {
        try {
            HttpResponse<String> response = get(pathAndQuery);
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
                throw new AssertionError("Prometheus answered " + response.statusCode() + " for " + what + ": "
                        + response.body());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException("asking Prometheus for " + what, e);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(REQUEST_TIMEOUT).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static double parse(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
