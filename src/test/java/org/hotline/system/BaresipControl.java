package org.hotline.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The ctrl_tcp connection to one baresip: commands go out as netstring JSON
 * {@code {"command","params","token"}}; a reader thread takes responses (matched by token) and
 * events (kept in arrival order, stamped on receipt). Threading: commands and waits from the test
 * thread; the reader thread only appends events and completes responses, under {@link #lock}.
 */
final class BaresipControl implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final OutputStream out;
    private final Thread reader;
    private final AtomicInteger tokens = new AtomicInteger();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition eventArrived = lock.newCondition();
    private final List<BaresipEvent> events = new ArrayList<>();
    private IOException readFailure;

    private BaresipControl(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        this.reader = Thread.ofPlatform().daemon().name("baresip-ctrl-" + socket.getPort()).start(() -> readLoop(in));
    }

    static BaresipControl connect(InetSocketAddress address, Duration timeout) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, Math.toIntExact(timeout.toMillis()));
        return new BaresipControl(socket);
    }

    /** Sends a command and waits for its response; returns the response's data, throws if not ok. */
    String command(String command, String params, Duration timeout) {
        String token = "t" + tokens.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("command", command).put("token", token);
        if (params != null) {
            message.put("params", params);
        }
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(token, response);
        try {
            synchronized (out) {
                out.write(Netstring.encode(message.toString()));
                out.flush();
            }
            JsonNode reply = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!reply.path("ok").asBoolean()) {
                throw new IllegalStateException("baresip refused '" + command + " " + params + "': " + reply);
            }
            return reply.path("data").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("sending '" + command + "' to baresip", e);
        } catch (TimeoutException e) {
            throw new AssertionError("baresip did not answer '" + command + "' within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("baresip connection failed during '" + command + "'", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during '" + command + "'", e);
        } finally {
            pending.remove(token);
        }
    }

    /** Every event so far, in arrival order. */
    List<BaresipEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** The first event (since start) matching {@code filter}, waiting for it up to {@code timeout}. */
    BaresipEvent await(Predicate<BaresipEvent> filter, String description, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<BaresipEvent> found = events.stream().filter(filter).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (readFailure != null) {
                    throw new AssertionError("baresip control connection ended before " + description + "; events " + events, readFailure);
                }
                if (remaining <= 0) {
                    throw new AssertionError("no " + description + " from baresip within " + timeout + "; events " + events);
                }
                remaining = eventArrived.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + description, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            reader.join(Duration.ofSeconds(2));
        } catch (IOException e) {
            throw new UncheckedIOException("closing the baresip control connection", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop(InputStream in) {
        try {
            for (Optional<String> next = Netstring.read(in); next.isPresent(); next = Netstring.read(in)) {
                dispatch(JSON.readTree(next.get()));
            }
            fail(new IOException("baresip closed the control connection"));
        } catch (IOException e) {
            fail(e);
        }
    }

    private void dispatch(JsonNode message) {
        if (message.path("response").asBoolean()) {
            CompletableFuture<JsonNode> waiting = pending.get(message.path("token").asText());
            if (waiting != null) {
                waiting.complete(message);
            }
            return;
        }
        if (message.path("event").asBoolean()) {
            lock.lock();
            try {
                events.add(BaresipEvent.of(events.size(), Instant.now(), message));
                eventArrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void fail(IOException cause) {
        pending.values().forEach(p -> p.completeExceptionally(cause));
        lock.lock();
        try {
            readFailure = cause;
            eventArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
