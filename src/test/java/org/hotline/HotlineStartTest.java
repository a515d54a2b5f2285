package org.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root starts the ACD, its HTTP API and the metrics with the server, and stops them with it. */
class HotlineStartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    @Test
    void demoServerAnswersTheAgentsApiOnLoopback(@TempDir Path recordings) throws Exception {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of("sip.bindAddress", "127.0.0.1",
                "sip.port", String.valueOf(freePort()), "http.port", "0", "recording.directory", recordings.toString(),
                "store.jdbcUrl", "jdbc:h2:file:" + temp.resolve("hotline") + ";WRITE_DELAY=0", "store.spoolDirectory", temp.resolve("spool").toString()));
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        try (Hotline hotline = Hotline.start(config, Clock.systemUTC())) {
            URI agents = URI.create("http://127.0.0.1:" + hotline.httpPort() + "/api/agents");
            HttpResponse<String> list = client.send(HttpRequest.newBuilder(agents).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(agents + "/1002/status"))
                    .timeout(TIMEOUT).PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"AVAILABLE\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains("\"workNumber\":\"1001\"") && list.body().contains("\"workNumber\":\"1002\""),
                    list.body());
            assertEquals(200, login.statusCode(), login.body());
        }
    }

    @Test
    void healthIsUpAndMetricsAreServedWhileTheServerRuns() throws Exception {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of("sip.bindAddress", "127.0.0.1",
                "sip.port", String.valueOf(freePort()), "http.port", "0"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        try (Hotline hotline = Hotline.start(config, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + hotline.httpPort();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().startsWith("{\"status\":\"UP\",\"components\":{\"sip\":{\"status\":\"UP\""),
                    health.body());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            for (String component : new String[] {"sip", "rtp", "acd"}) {
                assertTrue(metrics.body().contains("hotline_component_up{component=\"" + component + "\"} 1.0"),
                        component + " up in\n" + metrics.body());
            }
            assertTrue(metrics.body().contains("hotline_queue_agents{queue=\"general\",state=\"idle\",status=\"logged_out\"} 2.0"),
                    "both demo agents serve general, logged out");
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1 right now. */
    private static int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                            tcp.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (IOException e) {
                // taken for UDP: try another
            }
        }
        throw new AssertionError("no free port for UDP and TCP");
    }
}
