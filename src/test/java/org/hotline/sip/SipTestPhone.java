package org.hotline.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A scripted SIP phone for tests: writes raw SIP text over UDP or TCP to the front on 127.0.0.1
 * and parses what comes back. A reader thread queues every received message.
 */
final class SipTestPhone implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final String transport;
    private final int serverPort;
    private final DatagramSocket udp;
    private final Socket tcp;
    private final LinkedBlockingQueue<SipMessage> inbox = new LinkedBlockingQueue<>();
    final List<SipMessage> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    /** Received but not yet awaited; only the test thread touches it. */
    private final List<SipMessage> backlog = new java.util.ArrayList<>();

    private SipTestPhone(String transport, int serverPort) throws IOException {
        this.transport = transport;
        this.serverPort = serverPort;
        if (transport.equals("UDP")) {
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            tcp = null;
            reader = Thread.ofVirtual().start(this::readUdp);
        } else {
            udp = null;
            tcp = new Socket(InetAddress.getLoopbackAddress(), serverPort);
            reader = Thread.ofVirtual().start(this::readTcp);
        }
    }

    static SipTestPhone udp(int serverPort) throws IOException {
        return new SipTestPhone("UDP", serverPort);
    }

    static SipTestPhone tcp(int serverPort) throws IOException {
        return new SipTestPhone("TCP", serverPort);
    }

    String transport() {
        return transport;
    }

    int serverPort() {
        return serverPort;
    }

    int localPort() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    void send(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (udp != null) {
                udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
            } else {
                OutputStream out = tcp.getOutputStream();
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            throw new AssertionError("cannot send", e);
        }
    }

    /**
     * The first received message matching {@code filter}; non-matching ones stay queued for later
     * awaits (the server may, say, send a BYE before the 200 to our INFO).
     */
    SipMessage await(Predicate<SipMessage> filter, String what) {
        for (var it = backlog.iterator(); it.hasNext(); ) {
            SipMessage m = it.next();
            if (filter.test(m)) {
                it.remove();
                return m;
            }
        }
        Instant deadline = Instant.now().plus(WAIT);
        try {
            while (true) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                SipMessage m = left <= 0 ? null : inbox.poll(left, TimeUnit.MILLISECONDS);
                if (m == null) {
                    throw new AssertionError("timed out waiting for " + what + "; received " + received);
                }
                if (filter.test(m)) {
                    return m;
                }
                backlog.add(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    SipMessage awaitResponse(String callId, String method, int status) {
        return await(m -> m.isResponse() && m.callId().equals(callId) && m.cseqMethod().equals(method)
                && m.status() == status, status + " to " + method + " of " + callId);
    }

    SipMessage awaitFinal(String callId, String method) {
        return await(m -> m.isResponse() && m.callId().equals(callId) && m.cseqMethod().equals(method)
                && m.status() >= 200, "final response to " + method + " of " + callId);
    }

    SipMessage awaitRequest(String callId, String method) {
        return await(m -> !m.isResponse() && m.callId().equals(callId) && m.method().equals(method),
                method + " for " + callId);
    }

    /** True if nothing matching arrives within {@code quiet}. */
    boolean staysQuiet(Predicate<SipMessage> filter, Duration quiet) {
        Instant deadline = Instant.now().plus(quiet);
        try {
            while (Instant.now().isBefore(deadline)) {
                SipMessage m = inbox.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
                if (m != null) {
                    backlog.add(m);
                    if (filter.test(m)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void readUdp() {
        byte[] buffer = new byte[65536];
        while (!udp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(p);
            } catch (IOException e) {
                return;
            }
            deliver(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
        }
    }

    private void readTcp() {
        try {
            InputStream in = tcp.getInputStream();
            StringBuilder pending = new StringBuilder();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                pending.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                drainFrames(pending);
            }
        } catch (IOException e) {
            // socket closed by close()
        }
    }

    private void drainFrames(StringBuilder pending) {
        while (true) {
            while (pending.indexOf("\r\n") == 0) {
                pending.delete(0, 2);
            }
            int end = pending.indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            SipMessage head = SipMessage.parse(pending.substring(0, end + 4));
            int length = Integer.parseInt(head.header("Content-Length").orElse("0"));
            if (pending.length() < end + 4 + length) {
                return;
            }
            deliver(pending.substring(0, end + 4 + length));
            pending.delete(0, end + 4 + length);
        }
    }

    private void deliver(String text) {
        if (text.isBlank()) {
            return;
        }
        SipMessage m = SipMessage.parse(text);
        received.add(m);
        inbox.add(m);
    }

    @Override
    public void close() {
        try {
            if (udp != null) {
                udp.close();
            } else {
                tcp.close();
            }
            reader.join(Duration.ofSeconds(2));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot close test phone", e);
        }
    }
}
