package org.hotline.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An answered agent's FastAGI session that accepts whatever Hotline sends (tests of the caller's
 * hang-up, where the agent's exact dialogue is not the point): the same header as
 * {@code agent-answers.agi}, {@code 200 result=0 endpos=8000} to a file, {@code 200 result=1} then
 * the {@code HANGUP} notice to a HANGUP command, and the notice when the caller's Bridge takes the
 * channel (signal {@code bridged}). Runs until Hotline closes the connection.
 */
final class LenientAgent {

    private final List<String> received = new CopyOnWriteArrayList<>();

    List<String> received() {
        return List.copyOf(received);
    }

    void run(int port, String channelId, Signals signals, Duration timeout) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            send(out, "agi_network: yes\nagi_network_script: agent\nagi_request: agi://hotline:4573/agent\n"
                    + "agi_channel: PJSIP/1001-00000002\nagi_type: PJSIP\nagi_uniqueid: " + channelId
                    + "\nagi_callerid: 13800138000\nagi_context: hotline-agent\nagi_extension: s\nagi_priority: 1\n\n");
            Thread.ofVirtual().start(() -> {
                CallEvents.waitUntilOrGiveUp(() -> signals.isSignalled("bridged") || socket.isClosed(), timeout);
                if (signals.isSignalled("bridged")) {
                    send(out, "HANGUP\n");
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                received.add(line);
                if (line.startsWith("HANGUP")) {
                    send(out, "200 result=1\nHANGUP\n");
                } else if (line.contains("STREAM FILE")) {
                    send(out, "200 result=0 endpos=8000\n");
                } else {
                    send(out, "200 result=0\n");
                }
            }
        }
    }

    private static synchronized void send(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the session is closed: nothing more to say
        }
    }
}
