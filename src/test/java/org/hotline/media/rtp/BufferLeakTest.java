package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.SplittableRandom;
import org.hotline.config.RtpConfig;
import org.hotline.media.AudioClip;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Drives every buffer path of a session (audio out; telephone-events, malformed datagrams and
 * RTCP in; audio and telephone-events relayed both ways between two sessions on different event
 * loops, transcoded) under the paranoid leak detection surefire sets, then lets the garbage collector find
 * unreleased buffers. A leak shows as a LEAK error of {@link ResourceLeakDetector}, captured here.
 * The collector may miss a leak on one run, but this test never fails without one.
 */
class BufferLeakTest {

    @Test
    void releasesEveryBufferOfAStreamingSession() throws Exception {
        ListAppender<ILoggingEvent> leaks = new ListAppender<>();
        Logger detectorLog = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        detectorLog.addAppender(leaks);
        leaks.start();
        try {
            streamBothWays();
            relayBothWays();
            provokeLeakReports();
        } finally {
            detectorLog.detachAppender(leaks);
        }
        assertEquals(List.of(), leaks.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    private static void streamBothWays() throws Exception {
        try (RtpEngine engine = new RtpEngine(TestPorts.freeRange(2), new SplittableRandom(1));
                Peer phone = new Peer()) {
            RtpSession session = engine.open("call-leak");
            session.connect(new RemoteMedia(phone.address(), Codec.PCMU, SippDtmf.PAYLOAD_TYPE));
            session.play(List.of(new AudioClip("half a second", new short[4000])));
            for (int i = 0; i < 25; i++) {
                phone.receive();
                SippDtmf.KEY_1.forEach(hex -> phone.send(hex, session.localPort()));
                phone.send("400000", session.localPort());
                phone.send("80c90001", session.localRtcpPort());
            }
            Await.until("every packet read", () -> session.statistics().packetsReceived() == 250
                    && session.statistics().malformedDropped() == 25
                    && session.statistics().rtcpPacketsReceived() == 25);
        }
    }

    private static void relayBothWays() throws Exception {
        RtpConfig free = TestPorts.freeRange(2);
        Tone callerTone = new Tone(Codec.PCMU, 440, 0xA, 0, 0);
        Tone agentTone = new Tone(Codec.PCMA, 1000, 0xB, 0, 0);
        try (RtpEngine engine = new RtpEngine(new RtpConfig(free.bindAddress(), free.portMin(), free.portMax(), 2),
                new SplittableRandom(2));
                Peer callerPhone = new Peer();
                Peer agentPhone = new Peer()) {
            RtpSession caller = engine.open("call-leak-caller");
            RtpSession agent = engine.open("call-leak-agent");
            caller.connect(new RemoteMedia(callerPhone.address(), Codec.PCMU, SippDtmf.PAYLOAD_TYPE));
            agent.connect(new RemoteMedia(agentPhone.address(), Codec.PCMA, 96));
            RtpRelayTest.relay(caller, agent);
            RtpRelayTest.relay(agent, caller);
            for (int i = 0; i < 50; i++) {
                callerPhone.send(callerTone.datagram(i), caller.localPort());
                agentPhone.send(agentTone.datagram(i), agent.localPort());
                RtpRelayTest.nextRelayed(agentPhone, i == 0);
                RtpRelayTest.nextRelayed(callerPhone, i == 0);
            }
            SippDtmf.KEY_1.forEach(hex -> callerPhone.send(hex, caller.localPort()));
            Await.until("every packet relayed", () -> agent.statistics().relayPacketsOut() == 60
                    && caller.statistics().relayPacketsOut() == 50);
            agent.relayFrom(null);
        }
    }

    /** Leaks are reported when a tracked buffer was collected and a later allocation is tracked. */
    private static void provokeLeakReports() {
        for (int round = 0; round < 5; round++) {
            System.gc();
            for (int i = 0; i < 1000; i++) {
                ByteBufAllocator.DEFAULT.directBuffer(16).release();
            }
        }
    }
}
