package org.hotline.agi;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.Hotline;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;

/**
 * A whole Hotline with its FastAGI front on, and the fake Asterisk around it: the AMI port
 * ({@link FakeAmi}) and FastAGI sessions replayed from transcripts ({@link AgiTranscript}). The
 * clock stands still on a Tuesday 09:30 in Shanghai (greeting.morning, no holiday), so every
 * prompt of a call is known in advance.
 */
final class AsteriskSite implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Instant TUESDAY_MORNING = Instant.parse("2026-03-10T01:30:00Z");

    final FakeAmi ami;
    final CallEvents events = new CallEvents();
    final Signals signals = new Signals();
    final Hotline hotline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    AsteriskSite(String endpointsBlock) throws IOException {
        this(endpointsBlock, Map.of());
    }

    /** @param more configuration overrides on top of the AGI test site's */
    AsteriskSite(String endpointsBlock, Map<String, String> more) throws IOException {
        ami = new FakeAmi("asterisk.ami").respond("PJSIPShowEndpoints", endpointsBlock);
        Map<String, String> overrides = new HashMap<>();
        overrides.put("sip.bindAddress", "127.0.0.1");
        overrides.put("sip.port", String.valueOf(freePort()));
        overrides.put("http.port", "0");
        overrides.put("agi.enabled", "true");
        overrides.put("agi.port", "0");
        overrides.put("agi.ami.port", String.valueOf(ami.port()));
        overrides.put("agi.ami.secret", "hotline-test-secret");
        overrides.putAll(more);
        HotlineConfig config = ConfigLoader.loadDefault(overrides);
        hotline = Hotline.start(config, Clock.fixed(TUESDAY_MORNING, ZoneOffset.UTC), events);
        ami.awaitAction("PJSIPShowEndpoints", 1, TIMEOUT);
    }

    int agiPort() {
        return hotline.agiPort().orElseThrow();
    }

    /** Replays {@code transcript} on a new FastAGI connection, on its own thread. */
    CompletableFuture<AgiTranscript> play(AgiTranscript transcript) {
        CompletableFuture<AgiTranscript> done = new CompletableFuture<>();
        Thread.ofVirtual().name("fake-asterisk-agi").start(() -> {
            try {
                transcript.run(agiPort(), signals, TIMEOUT);
                done.complete(transcript);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    static AgiTranscript transcript(String name, Map<String, String> variables) {
        return AgiTranscript.load(name, variables);
    }

    /** The ACD's view of the agents (HTTP API). */
    String agents() throws IOException, InterruptedException {
        return get("/api/agents");
    }

    String queues() throws IOException, InterruptedException {
        return get("/api/queues");
    }

    void awaitAgents(String fragment) {
        CallEvents.waitUntil(() -> {
            try {
                return agents().replace(" ", "").contains(fragment);
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, TIMEOUT, "agents to show " + fragment);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.httpPort() + path))
                .timeout(TIMEOUT).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws IOException {
        try {
            hotline.close();
        } finally {
            ami.close();
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1 right now (the SIP front still starts). */
    static int freePort() {
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
