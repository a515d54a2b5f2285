package org.hotline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hotline.config.HttpConfig;
import org.hotline.media.rtp.RelayDelay;
import org.hotline.media.rtp.RelayDrops;
import org.hotline.media.rtp.RtpStatistics;
import org.hotline.media.rtp.RtpTotals;
import org.junit.jupiter.api.Test;

/** {@code GET /api/runtime} over 127.0.0.1 on a free port. */
class RuntimeResourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void showsCallCountsRtpTotalsAndTheJvm() throws Exception {
        List<Long> buckets = new ArrayList<>(Collections.nCopies(RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.size(), 0L));
        buckets.set(1, 99L);
        buckets.set(6, 1L);
        RtpTotals totals = new RtpTotals(4, 3, new RtpStatistics(100, 200, 1, 0.5, 0, 0, 0, 0, 0, 100, 95, new RelayDrops(1, 1, 0, 0, 0)),
                new RelayDelay(100, 2_000_000, 900_000, buckets));
        RuntimeResource runtime = new RuntimeResource(() -> new RuntimeResource.Counts(2, 1, 2, 5, 7, 1), () -> totals);

        try (HttpApi api = HttpApi.start(new HttpConfig("127.0.0.1", 0), runtime.routes())) {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/runtime")).timeout(TIMEOUT)
                            .GET().build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertEquals(2, body.path("calls").path("activeCalls").asInt());
            assertEquals(7, body.path("calls").path("stackTransactions").asInt());
            assertEquals(95, body.path("rtp").path("packets").path("relayPacketsOut").asLong());
            assertEquals(1, body.path("rtp").path("packets").path("relayDrops").path("targetClosed").asLong());
            assertEquals(3, body.path("rtp").path("relayLost").asLong(), "100 in, 95 out, 2 dropped by design");
            assertEquals(20_000, body.path("rtp").path("relayDelayP99UpperBoundNanos").asLong());
            assertTrue(body.path("jvm").path("heapUsedBytes").asLong() > 0);
            assertTrue(body.path("jvm").path("threads").asInt() > 0);
            assertTrue(body.path("jvm").path("openFileDescriptors").asLong() > 0);
        }
    }
}
