package org.hotline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.config.HttpConfig;
import org.hotline.metrics.ComponentHealth;
import org.hotline.metrics.HealthReport;
import org.hotline.metrics.MetricsEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} as Prometheus text and {@code /health} as JSON, 200 or 503, over 127.0.0.1. */
class OperationsResourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String EXPOSITION = "# TYPE hotline_calls_active gauge\nhotline_calls_active 2.0\n";

    private final AtomicReference<HealthReport> health = new AtomicReference<>();
    private final HttpApi api = HttpApi.start(new HttpConfig("127.0.0.1", 0),
            new OperationsResource(() -> EXPOSITION, MetricsEndpoint.CONTENT_TYPE, health::get).routes());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void metricsAreServedVerbatimInPrometheusTextFormat() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertEquals(200, response.statusCode());
        assertEquals(MetricsEndpoint.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(EXPOSITION, response.body());
    }

    @Test
    void healthIs200WhenEveryComponentIsUpAnd503WithTheFailingOneOtherwise() throws Exception {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        components.put("sip", ComponentHealth.up("listening"));
        components.put("acd", ComponentHealth.up("answering"));
        health.set(new HealthReport(components));
        HttpResponse<String> up = get("/health");
        components.put("acd", ComponentHealth.down("no answer within 1000 ms"));
        health.set(new HealthReport(components));
        HttpResponse<String> down = get("/health");

        assertEquals(200, up.statusCode());
        assertEquals("{\"status\":\"UP\",\"components\":{\"sip\":{\"status\":\"UP\",\"detail\":\"listening\"},"
                + "\"acd\":{\"status\":\"UP\",\"detail\":\"answering\"}}}", up.body());
        assertEquals(503, down.statusCode());
        JsonNode body = new ObjectMapper().readTree(down.body());
        assertEquals("DOWN", body.get("status").asText());
        assertEquals("UP", body.at("/components/sip/status").asText());
        assertEquals("no answer within 1000 ms", body.at("/components/acd/detail").asText());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(TIMEOUT)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
