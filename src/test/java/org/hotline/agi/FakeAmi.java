package org.hotline.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * Asterisk's manager port for tests, on 127.0.0.1: the protocol banner, then a packet in answer to
 * each action, from the named blocks of an AMI transcript in {@code src/test/resources/agi/}
 * ({@code === name} starts a block; packets are separated by blank lines; {@code ${ActionID}} is
 * the action's own ActionID, echoed as Asterisk does; other {@code ${NAME}}s come from the action's
 * fields). {@link #respond} chooses which block answers an action; {@link #push} sends events;
 * {@link #drop} closes the connection (asterisk-java then reconnects). One connection at a time.
 */
final class FakeAmi implements AutoCloseable {

    static final String BANNER = "Asterisk Call Manager/9.0.0";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final Map<String, List<String>> blocks;
    private final Map<String, String> responders = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Map<String, String>>> watchers = new ConcurrentHashMap<>();
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Thread acceptor;
    private volatile Socket current;
    private volatile int logins;

    FakeAmi(String transcript) throws IOException {
        this.blocks = loadBlocks(transcript);
        this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        respond("Challenge", "Challenge");
        respond("Login", "Login");
        respond("CoreSettings", "CoreSettings");
        respond("Originate", "Originate");
        respond("Hangup", "Hangup");
        respond("ControlPlayback", "ControlPlayback");
        respond("Logoff", "Logoff");
        this.acceptor = Thread.ofVirtual().name("fake-ami").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The block that answers every later {@code action}. */
    FakeAmi respond(String action, String block) {
        responders.put(action, block);
        return this;
    }

    /** Runs {@code watcher} (on the connection's thread, after the answer) for each {@code action} received. */
    FakeAmi onAction(String action, Consumer<Map<String, String>> watcher) {
        watchers.put(action, watcher);
        return this;
    }

    /** Sends the packets of {@code block} (events) with {@code variables} filled in. */
    void push(String block, Map<String, String> variables) {
        Socket socket = current;
        if (socket == null) {
            throw new IllegalStateException("no AMI connection");
        }
        write(socket, packets(block, variables));
    }

    /** Closes the connection as a restarting Asterisk would. */
    void drop() throws IOException {
        Socket socket = current;
        current = null;
        if (socket != null) {
            socket.close();
        }
    }

    List<Map<String, String>> actions(String action) {
        return actions.stream().filter(a -> action.equalsIgnoreCase(a.get("Action"))).toList();
    }

    int logins() {
        return logins;
    }

    /** Waits until {@code count} actions named {@code action} arrived. */
    Map<String, String> awaitAction(String action, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (actions(action).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + action + " #" + count + " within " + timeout + "; got " + actions);
            }
            LockSupport.parkNanos(5_000_000);
        }
        return actions(action).get(count - 1);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                current = socket;
                serve(socket);
            } catch (IOException e) {
                // the server closed (test end) or the connection dropped: accept the next one
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        write(socket, List.of(BANNER + "\r\n"));
        Map<String, String> action = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        action.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                    }
                    continue;
                }
                if (!action.isEmpty()) {
                    answer(socket, action);
                    action = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                }
            }
        } catch (SocketException e) {
            // dropped by the test
        }
    }

    private void answer(Socket socket, Map<String, String> action) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(action);
        Map<String, String> received = Collections.unmodifiableMap(copy);
        actions.add(received);
        String name = received.getOrDefault("Action", "");
        if ("Login".equalsIgnoreCase(name)) {
            logins++;
        }
        String block = responders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse("Error");
        write(socket, packets(block, received));
        Consumer<Map<String, String>> watcher = watchers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        if (watcher != null) {
            watcher.accept(received);
        }
    }

    private List<String> packets(String block, Map<String, String> variables) {
        List<String> packets = blocks.get(block);
        if (packets == null) {
            throw new IllegalArgumentException("no AMI block " + block);
        }
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(variables);
        List<String> filled = new ArrayList<>();
        for (String packet : packets) {
            filled.add(VARIABLE.matcher(packet).replaceAll(match -> Matcher.quoteReplacement(
                    byName.getOrDefault(match.group(1), match.group()))));
        }
        return filled;
    }

    private static synchronized void write(Socket socket, List<String> packets) {
        try {
            OutputStream out = socket.getOutputStream();
            for (String packet : packets) {
                out.write(packet.getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blocks: "=== name" then packets ("Key: value" lines) separated by blank lines; "#" lines are comments. */
    private static Map<String, List<String>> loadBlocks(String resource) throws IOException {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        try (InputStream in = FakeAmi.class.getResourceAsStream("/agi/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no AMI transcript " + resource);
            }
            List<String> current = null;
            StringBuilder packet = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("=== ")) {
                    flush(current, packet);
                    current = new ArrayList<>();
                    blocks.put(line.substring(4).strip(), current);
                } else if (line.isBlank()) {
                    flush(current, packet);
                } else if (current != null) {
                    packet.append(line.strip()).append("\r\n");
                }
            }
            flush(current, packet);
        }
        return blocks;
    }

    private static void flush(List<String> block, StringBuilder packet) {
        if (block != null && !packet.isEmpty()) {
            block.add(packet + "\r\n");
        }
        packet.setLength(0);
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
        acceptor.interrupt();
    }
}
