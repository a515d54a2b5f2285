package org.hotline.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hotline.call.UnstaffedQueueGateway;
import org.hotline.config.ServiceConfig;
import org.hotline.config.SipConfig;

/** A started front on 127.0.0.1 with fake media and prompts, short stack timers, and a scripted flow. */
final class FrontFixture implements AutoCloseable {

    static final String NUMBER = "95588";
    static final SipTuning FAST = new SipTuning(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO,
            Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofSeconds(1), 8192, 50);

    final FakeMediaEngine media = new FakeMediaEngine();
    final RecordingEvents events = new RecordingEvents();
    final ScriptedCalls calls = new ScriptedCalls();
    final BridgeLog bridges = new BridgeLog();
    final RecordingTraffic traffic = new RecordingTraffic();
    final SipFront front;
    final int port;

    FrontFixture(Duration ringDelay) {
        this(ringDelay, FAST);
    }

    FrontFixture(Duration ringDelay, SipTuning tuning) {
        this(ringDelay, tuning, AgentAccess.NONE);
    }

    FrontFixture(Duration ringDelay, SipTuning tuning, AgentAccess agents) {
        port = freePort();
        SipConfig sip = new SipConfig("127.0.0.1", port, List.of("udp", "tcp"), "127.0.0.1", ringDelay, 4);
        ServiceConfig service = new ServiceConfig(List.of(NUMBER, "4008208820"), "zh-CN", List.of("zh-CN", "en"),
                ZoneId.of("Asia/Shanghai"));
        front = new SipFront(new SipFront.Wiring(sip, service, media, new FakePrompts(), new UnstaffedQueueGateway(),
                calls, events, Clock.systemUTC(), tuning, agents, bridges, traffic));
        front.start();
    }

    SipTestPhone udpPhone() throws IOException {
        return SipTestPhone.udp(port);
    }

    SipTestPhone tcpPhone() throws IOException {
        return SipTestPhone.tcp(port);
    }

    /** A port free for both UDP and TCP on 127.0.0.1 right now. */
    static int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                }
            } catch (IOException e) {
                // that port is taken for UDP: try another
            }
        }
        throw new AssertionError("no free port for UDP and TCP");
    }

    /** Waits until the front and the stack hold nothing for finished calls. */
    void awaitNothingLeft(Duration timeout) {
        try {
            RecordingEvents.waitUntil(() -> front.activeCalls() == 0 && front.activeAgentLegs() == 0
                    && front.stackDialogs() == 0 && front.stackServerTransactions() == 0
                    && front.stackClientTransactions() == 0 && media.sessionsInUse() == 0, timeout,
                    "no calls, dialogs, transactions, media left");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; still " + counts(), e);
        }
    }

    String counts() {
        return "calls=" + front.activeCalls() + " agentLegs=" + front.activeAgentLegs() + " dialogs=" + front.stackDialogs() + " serverTx="
                + front.stackServerTransactions() + " clientTx=" + front.stackClientTransactions() + " media="
                + media.sessionsInUse() + (front.stackDialogs() == 0 ? "" : " " + front.stackDialogSummary());
    }

    @Override
    public void close() {
        front.close();
    }
}
