package org.hotline.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hotline.call.EndReason;
import org.hotline.config.RecordingPolicy;
import org.hotline.config.RtpConfig;
import org.hotline.event.CallEvent;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;
import org.hotline.media.codec.G711;
import org.hotline.media.rtp.RtpEngine;
import org.hotline.media.rtp.RtpPacket;
import org.hotline.media.rtp.RtpPacketEncoder;
import org.hotline.media.rtp.RtpSession;
import org.hotline.recording.RecordingInfo.Segment;
import org.hotline.system.Await;
import org.hotline.system.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording a bridged call through the real RTP engine on loopback: the B2BUA's bridge hook taps
 * both sessions' received audio, the call events start the recording, list the hold and the
 * transfer, and end it; the queue's policy can leave a call unrecorded. Two plain sockets play the
 * phones: the caller sends 1100 Hz, the agents 700 Hz and 450 Hz, one packet every 20 ms.
 */
class RecordingsTest {

    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int FRAME = 160;
    private static final double CALLER_HZ = 1100;
    private static final double AGENT_HZ = 700;
    private static final double SECOND_AGENT_HZ = 450;

    @TempDir
    Path dir;

    private final CapturedRecordings listener = new CapturedRecordings();
    private final RtpEngine engine = new RtpEngine(freeRange(), new SplittableRandom(3));
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private Recordings recordings;

    @AfterEach
    void close() {
        clock.shutdownNow();
        recordings.close();
        engine.close();
    }

    @Test
    void recordsTheCallerLeftAndTheAgentRightFromConnectToEndWithTheHold() throws Exception {
        recordings = recordings(RecordingPolicy.ALL);
        try (Phone callerPhone = new Phone(CALLER_HZ); Phone agentPhone = new Phone(AGENT_HZ)) {
            RtpSession caller = callerPhone.talkTo(engine.open("call-A"));
            RtpSession agent = agentPhone.talkTo(engine.open("agent-leg-1", caller));
            callerPhone.start(clock);
            agentPhone.start(clock);
            recordings.bridged("call-A", caller, agent);

            long connected = System.nanoTime();
            recordings.onEvent(new CallEvent.AgentConnected("call-A", T0, "general", "1001", Duration.ZERO));
            agentPhone.awaitSent(50);
            recordings.onEvent(new CallEvent.HeldByAgent("call-A", T0.plusSeconds(1), "1001"));
            agentPhone.awaitSent(75);
            recordings.onEvent(new CallEvent.ResumedByAgent("call-A", T0.plusMillis(1500), "1001"));
            agentPhone.awaitSent(100);
            recordings.onEvent(new CallEvent.AgentCallEnded("call-A", T0.plusSeconds(2), "general", "1001", "CALLER",
                    Duration.ofSeconds(2))); // the caller hung up: the ACD may tell before the call's end
            long ended = System.nanoTime();
            recordings.onEvent(new CallEvent.Ended("call-A", T0.plusSeconds(2), EndReason.CALLER_HANGUP));
            long afterEnded = System.nanoTime();

            RecordingInfo info = listener.awaitFinished(WAIT);
            StereoWav wav = StereoWav.read(info.file());
            Duration expected = Duration.ofNanos(ended - connected);
            Duration slack = Duration.ofNanos(afterEnded - ended).plusMillis(2);
            assertTrue(wav.length().minus(expected).abs().compareTo(slack) <= 0, "length " + wav.length() + " vs " + expected);
            assertEquals(CALLER_HZ, Tones.frequency(wav.left(), 4000, 12000), 15, "caller on the left");
            assertEquals(AGENT_HZ, Tones.frequency(wav.right(), 4000, 12000), 15, "agent on the right");
            assertEquals(List.of(Segment.TALK, Segment.HOLD, Segment.TALK), info.segments().stream().map(Segment::kind).toList());
            assertEquals(new Segment(Segment.HOLD, T0.plusSeconds(1), T0.plusMillis(1500), "1001"), info.segments().get(1));
            assertEquals("general", info.queue());
            assertEquals("1001", info.agent());
            assertEquals(dir.resolve("2026-03-10").resolve(info.id() + ".wav").toAbsolutePath(), info.file());
            assertEquals(Sha256.of(info.file()), info.sha256());
            Await.until(() -> recordings.activeRecordings() == 0, WAIT, () -> "the writer gone");
        }
    }

    @Test
    void oneRecordingFollowsATransferToAnotherAgentOnTheRightChannel() throws Exception {
        recordings = recordings(RecordingPolicy.ALL);
        try (Phone callerPhone = new Phone(CALLER_HZ); Phone firstAgent = new Phone(AGENT_HZ);
                Phone secondAgent = new Phone(SECOND_AGENT_HZ)) {
            RtpSession caller = callerPhone.talkTo(engine.open("call-B"));
            RtpSession agent1 = firstAgent.talkTo(engine.open("agent-leg-1", caller));
            callerPhone.start(clock);
            firstAgent.start(clock);
            recordings.bridged("call-B", caller, agent1);
            recordings.onEvent(new CallEvent.AgentConnected("call-B", T0, "general", "1001", Duration.ZERO));
            firstAgent.awaitSent(50);
            recordings.onEvent(new CallEvent.TransferredByAgent("call-B", T0.plusSeconds(1), "1001", "billing", "billing"));
            recordings.unbridged("call-B", agent1);
            recordings.onEvent(new CallEvent.AgentCallEnded("call-B", T0.plusSeconds(1), "general", "1001", "AGENT",
                    Duration.ofSeconds(1)));
            firstAgent.stop();
            callerPhone.awaitSent(100);

            RtpSession agent2 = secondAgent.talkTo(engine.open("agent-leg-2", caller));
            secondAgent.start(clock);
            recordings.bridged("call-B", caller, agent2);
            recordings.onEvent(new CallEvent.AgentConnected("call-B", T0.plusSeconds(2), "billing", "1002",
                    Duration.ofSeconds(1)));
            secondAgent.awaitSent(50);
            recordings.onEvent(new CallEvent.Ended("call-B", T0.plusSeconds(3), EndReason.CALLER_HANGUP));

            RecordingInfo info = listener.awaitFinished(WAIT);
            StereoWav wav = StereoWav.read(info.file());
            assertEquals(List.of(
                    new Segment(Segment.TALK, T0, T0.plusSeconds(1), "1001"),
                    new Segment(Segment.QUEUE, T0.plusSeconds(1), T0.plusSeconds(2), null),
                    new Segment(Segment.TALK, T0.plusSeconds(2), info.ended(), "1002")), info.segments());
            assertEquals(AGENT_HZ, Tones.frequency(wav.right(), 1600, 6400), 15, "the first agent");
            assertTrue(Tones.rms(wav.right(), 9600, 15200) < 50, "silence while the caller waits");
            assertEquals(SECOND_AGENT_HZ, Tones.frequency(wav.right(), (int) wav.frames() - 4800, (int) wav.frames() - 800), 15,
                    "the second agent");
            assertEquals(CALLER_HZ, Tones.frequency(wav.left(), 1600, (int) wav.frames() - 800), 15, "the caller throughout");
            assertEquals(1, listener.all().stream().filter(e -> e.kind().equals(CapturedRecordings.Event.STARTED)).count());
        }
    }

    @Test
    void aQueueWithRecordingNoneLeavesNoFile() throws Exception {
        recordings = recordings(RecordingPolicy.NONE);
        try (Phone callerPhone = new Phone(CALLER_HZ); Phone agentPhone = new Phone(AGENT_HZ)) {
            RtpSession caller = callerPhone.talkTo(engine.open("call-C"));
            RtpSession agent = agentPhone.talkTo(engine.open("agent-leg-1", caller));
            recordings.bridged("call-C", caller, agent);
            recordings.onEvent(new CallEvent.AgentConnected("call-C", T0, "general", "1001", Duration.ZERO));
            recordings.onEvent(new CallEvent.Ended("call-C", T0.plusSeconds(1), EndReason.CALLER_HANGUP));

            assertEquals(0, recordings.activeRecordings());
            assertEquals(List.of(), listener.all());
            try (Stream<Path> files = Files.walk(dir)) {
                assertEquals(List.of(dir), files.toList());
            }
        }
    }

    @Test
    void aConnectThatRacesTheCallsEndStartsNothing() throws Exception {
        recordings = recordings(RecordingPolicy.ALL);
        try (Phone callerPhone = new Phone(CALLER_HZ); Phone agentPhone = new Phone(AGENT_HZ)) {
            RtpSession caller = callerPhone.talkTo(engine.open("call-D"));
            RtpSession agent = agentPhone.talkTo(engine.open("agent-leg-1", caller));
            recordings.onEvent(new CallEvent.Ended("call-D", T0, EndReason.CALLER_HANGUP));
            recordings.bridged("call-D", caller, agent);
            recordings.onEvent(new CallEvent.AgentConnected("call-D", T0, "general", "1001", Duration.ZERO));
            recordings.unbridged("call-D", agent);

            assertEquals(0, recordings.activeRecordings());
            assertEquals(List.of(), listener.all());
        }
    }

    private Recordings recordings(RecordingPolicy general) {
        Recordings r = new Recordings(new Recordings.Setup(dir, Map.of("general", general), new SplittableRandom(1),
                ZoneId.of("Asia/Shanghai")), listener, RecordingTiming.DEFAULTS);
        r.repairUnfinished();
        return r;
    }

    private static RtpConfig freeRange() {
        int base = FreePorts.block(8, 2);
        return new RtpConfig("127.0.0.1", base, base + 7, 1);
    }

    /** A phone on a plain loopback socket sending a tone, one G.711 µ-law packet every 20 ms. */
    private static final class Phone implements AutoCloseable {
        private final DatagramSocket socket;
        private final double hz;
        private final AtomicInteger sent = new AtomicInteger();
        private final long ssrc;
        private volatile int targetPort;
        private volatile boolean stopped;

        Phone(double hz) throws IOException {
            this.socket = new DatagramSocket(new InetSocketAddress(FreePorts.loopback(), 0));
            this.hz = hz;
            this.ssrc = (long) hz * 1000;
        }

        RtpSession talkTo(RtpSession session) {
            session.connect(new RemoteMedia((InetSocketAddress) socket.getLocalSocketAddress(), Codec.PCMU, 101));
            targetPort = session.localPort();
            return session;
        }

        void start(ScheduledExecutorService clock) {
            clock.scheduleAtFixedRate(this::sendNext, 0, 20, TimeUnit.MILLISECONDS);
        }

        void stop() {
            stopped = true;
        }

        void awaitSent(int packets) {
            Await.until(() -> sent.get() >= packets, WAIT, () -> packets + " packets sent at " + hz + " Hz");
        }

        private void sendNext() {
            if (stopped) {
                return;
            }
            int k = sent.get();
            short[] samples = Tones.sine(hz, k * FRAME, FRAME);
            RtpPacket packet = new RtpPacket(k == 0, Codec.PCMU.payloadType(), k & 0xFFFF, (1000L + (long) k * FRAME),
                    ssrc, G711.encode(Codec.PCMU, samples, 0, FRAME));
            ByteBuf buf = Unpooled.buffer();
            try {
                RtpPacketEncoder.write(packet, buf);
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(FreePorts.loopback(), targetPort)));
                sent.incrementAndGet();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                buf.release();
            }
        }

        @Override
        public void close() {
            stopped = true;
            socket.close();
        }
    }
}
