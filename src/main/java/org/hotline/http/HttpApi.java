package org.hotline.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.hotline.config.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API server: the JDK's {@link HttpServer} on {@code http.bindAddress:http.port}, one
 * virtual thread per request, and ONE route table that every resource adds its {@link Route}s to
 * (agents and queues; call records, the event log, QA and recordings; metrics and health). Answers
 * are JSON, raw bytes for a recording ({@link ApiResponse.Bytes}) or text ({@link ApiResponse.Text},
 * {@code /metrics}); an unknown path is 404, a known path with another method 405 with
 * {@code Allow}, a handler failure 500. The store's and QA's routes need a credential and a role
 * ({@link ApiAccess}); the ACD's routes have no access control yet, hence the loopback default address.
 *
 * <p>Threading: {@link #start} and {@link #close} from the composition root's thread; requests
 * run on virtual threads, and the route table is immutable.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final int BACKLOG = 64;
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService requests;

    private HttpApi(HttpServer server, ExecutorService requests) {
        this.server = server;
        this.requests = requests;
    }

    /** Binds and starts serving {@code routes}. */
    public static HttpApi start(HttpConfig config, List<Route> routes) {
        List<Route> table = List.copyOf(routes);
        ObjectMapper json = new ObjectMapper();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the HTTP API to " + config.bindAddress() + ":" + config.port(), e);
        }
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(requests);
        server.createContext("/", exchange -> serve(exchange, table, json));
        server.start();
        log.atInfo().addKeyValue("address", config.bindAddress()).addKeyValue("port", server.getAddress().getPort())
                .log("HTTP API listening");
        return new HttpApi(server, requests);
    }

    /** The bound port (the configured one, or the free one picked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        requests.close();
    }

    private static void serve(HttpExchange exchange, List<Route> table, ObjectMapper json) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                response = dispatch(exchange, table);
            } catch (RuntimeException e) {
                log.atError().addKeyValue("path", exchange.getRequestURI().getPath()).setCause(e).log("API request failed");
                response = ApiResponse.error(500, "internal error", null);
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (response.body() instanceof ApiResponse.Bytes bytes) {
                exchange.getResponseHeaders().set("Content-Type", bytes.contentType());
                exchange.sendResponseHeaders(response.status(), bytes.length() == 0 ? -1 : bytes.length());
                try (OutputStream out = exchange.getResponseBody()) {
                    bytes.writer().writeTo(out);
                }
                return;
            }
            byte[] body;
            if (response.body() instanceof ApiResponse.Text text) {
                body = text.content().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", text.contentType());
            } else {
                body = json.writeValueAsBytes(response.body());
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            }
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ApiResponse dispatch(HttpExchange exchange, List<Route> table) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        List<Route> onPath = table.stream().filter(route -> route.match(path).isPresent()).toList();
        if (onPath.isEmpty()) {
            return ApiResponse.error(404, "no such resource: " + path, null);
        }
        Optional<Route> route = onPath.stream().filter(candidate -> candidate.method().equals(method)).findFirst();
        if (route.isEmpty()) {
            String allowed = onPath.stream().map(Route::method).distinct().collect(Collectors.joining(", "));
            exchange.getResponseHeaders().set("Allow", allowed);
            return ApiResponse.error(405, method + " not allowed; use " + allowed, null);
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return ApiResponse.error(413, "request body over " + MAX_BODY_BYTES + " bytes", null);
        }
        Map<String, String> parameters = route.get().match(path).orElseThrow();
        String remote = exchange.getRemoteAddress() == null ? "" : exchange.getRemoteAddress().getAddress().getHostAddress();
        Map<String, String> query;
        try {
            query = query(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, "malformed query string: " + e.getMessage(), "(query)");
        }
        return route.get().handler().handle(new ApiRequest(method, path, parameters, body, exchange.getRequestHeaders(),
                query, remote));
    }

    /** The decoded query parameters; the first value of a repeated one. */
    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    /** The body, or null if it is longer than the API ever needs. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }
}
