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

/** The composition root starts the ACD and its HTTP API with the server, and stops them with it. */
class HotlineStartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void demoServerAnswersTheAgentsApiOnLoopback(@TempDir Path recordings) throws Exception {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of("sip.bindAddress", "127.0.0.1",
                "sip.port", String.valueOf(freePort()), "http.port", "0", "recording.directory", recordings.toString()));
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
