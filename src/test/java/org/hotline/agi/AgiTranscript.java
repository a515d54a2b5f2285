package org.hotline.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Asterisk's side of one FastAGI session, replayed from a transcript in {@code src/test/resources/agi/}
 * over a real loopback socket. Lines:
 * <pre>
 *   # comment (sources)          &lt;&lt; text   Asterisk sends text (&lt;&lt; alone: the blank line)
 *   &gt;&gt; text   Hotline must send exactly this   &gt;~ regex   Hotline must send a matching line
 *   &#64;signal name / &#64;await name   sync with the other sessions     &#64;step name   a hang-up point
 *   &#64;expect-close   Hotline must close the connection     &#64;reset   Asterisk resets the connection
 *   &#64;hangup   Asterisk's HANGUP notice with no command in flight, then dead-channel mode
 * </pre>
 * {@code ${NAME}} is replaced from the variables given. With {@link #hangingUpAt}, the session hangs
 * up at the named step: the next command gets {@code 200 result=-1} (and {@code endpos=0} for a
 * file), then {@code HANGUP} (res_agi.c: the command's reply first, then {@code run_agi} notices the
 * hang-up), and every later command gets {@code 511 Command Not Permitted on a dead channel} until
 * Hotline closes the connection. Runs on the calling thread.
 */
final class AgiTranscript {

    static final String DEAD_CHANNEL = "511 Command Not Permitted on a dead channel";

    private final String name;
    private final List<String> lines;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private Optional<String> hangupStep = Optional.empty();

    private AgiTranscript(String name, List<String> lines) {
        this.name = name;
        this.lines = lines;
    }

    static AgiTranscript load(String resource, Map<String, String> variables) {
        try (InputStream in = AgiTranscript.class.getResourceAsStream("/agi/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + resource);
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                String substituted = line;
                for (Map.Entry<String, String> variable : variables.entrySet()) {
                    substituted = substituted.replace("${" + variable.getKey() + "}", variable.getValue());
                }
                lines.add(substituted);
            }
            return new AgiTranscript(resource, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AgiTranscript hangingUpAt(String step) {
        hangupStep = Optional.of(step);
        return this;
    }

    /** The command lines Hotline sent, in order. */
    List<String> received() {
        return List.copyOf(received);
    }

    void run(int port, Signals signals, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            boolean hangUpNext = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = name + ":" + (i + 1);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("@step ")) {
                    hangUpNext = hangupStep.filter(step -> step.equals(line.substring(6).strip())).isPresent();
                    if (hangUpNext && !nextIsCommand(i)) {
                        send(out, "HANGUP");
                        deadChannel(in, out, where);
                        return;
                    }
                } else if (line.startsWith("<<")) {
                    send(out, line.length() > 3 ? line.substring(3) : "");
                } else if (line.startsWith(">>") || line.startsWith(">~")) {
                    String got = read(in, where);
                    String expected = line.substring(3);
                    boolean matches = line.startsWith(">>") ? got.equals(expected) : Pattern.matches(expected, got);
                    if (!matches) {
                        throw new AssertionError(where + ": expected " + expected + "\n  but Hotline sent " + got
                                + "\n  after " + received);
                    }
                    if (hangUpNext) {
                        send(out, got.contains("STREAM FILE") ? "200 result=-1 endpos=0" : "200 result=-1");
                        send(out, "HANGUP");
                        deadChannel(in, out, where);
                        return;
                    }
                } else if (line.startsWith("@signal ")) {
                    signals.signal(line.substring(8).strip());
                } else if (line.startsWith("@await ")) {
                    signals.await(line.substring(7).strip(), Duration.between(Instant.now(), deadline));
                } else if (line.equals("@expect-close")) {
                    expectClose(in, where);
                } else if (line.equals("@reset")) {
                    socket.setSoLinger(true, 0);
                    return;
                } else if (line.equals("@hangup")) {
                    send(out, "HANGUP");
                    deadChannel(in, out, where);
                    return;
                } else {
                    throw new IllegalArgumentException(where + ": not a transcript line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " after " + received, e);
        }
    }

    private boolean nextIsCommand(int stepLine) {
        for (int j = stepLine + 1; j < lines.size(); j++) {
            String next = lines.get(j);
            if (next.isBlank() || next.startsWith("#")) {
                continue;
            }
            return next.startsWith(">>") || next.startsWith(">~");
        }
        return false;
    }

    /** After the hang-up: 511 to every command until Hotline closes the connection. */
    private void deadChannel(BufferedReader in, OutputStream out, String where) throws IOException {
        while (true) {
            String line = in.readLine();
            if (line == null) {
                return;
            }
            received.add(line);
            send(out, DEAD_CHANNEL);
        }
    }

    private String read(BufferedReader in, String where) throws IOException {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new AssertionError(where + ": Hotline closed the connection; it had sent " + received);
            }
            received.add(line);
            return line;
        } catch (SocketTimeoutException e) {
            throw new AssertionError(where + ": nothing from Hotline; it had sent " + received, e);
        }
    }

    private void expectClose(BufferedReader in, String where) throws IOException {
        try {
            String line = in.readLine();
            if (line != null) {
                throw new AssertionError(where + ": expected the connection to close, got " + line + " after " + received);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(where + ": Hotline kept the connection open; it had sent " + received, e);
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
