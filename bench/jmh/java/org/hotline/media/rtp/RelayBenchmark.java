package org.hotline.media.rtp;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The RTP relay's per-packet work (issue 7): {@link RelayStamper} re-stamping a relayed packet
 * into the target's stream (with transcoding when the target's law differs), and the whole
 * {@link OutboundMedia#sendRelayed} step: checks, re-stamp, the RTP encoder and the channel write,
 * on an {@link EmbeddedChannel} (no socket: the kernel's share is the load bench's). Every
 * packet is new, with the next sequence number and timestamp, as a caller's 20 ms frames arrive.
 * In this package for the package-private relay classes. Run by bench/jmh/run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RelayBenchmark {

    private static final InetSocketAddress AGENT = new InetSocketAddress("127.0.0.1", 40_000);

    /** The target's law; the source sends PCMU. */
    @Param({"PCMU", "PCMA"})
    public Codec target;

    private RtpEngine engine;
    private RtpSession source;
    private RemotePeer peer;
    private RelayStamper stamper;
    private EmbeddedChannel channel;
    private OutboundMedia outbound;
    private final byte[] payload = new byte[160];
    private int sequenceNumber;
    private long timestamp;

    @Setup(Level.Trial)
    public void bridge() {
        engine = new RtpEngine(TestPorts.freeRange(2), new SplittableRandom(1));
        source = engine.open("caller");
        peer = new RemotePeer();
        peer.connect(new RemoteMedia(AGENT, target, 101));
        stamper = new RelayStamper(new OutboundStream(0xA6E47L, 1, 8000));
        channel = new EmbeddedChannel(new RtpPacketEncoder());
        outbound = new OutboundMedia(new RtpSessionContext("agent", peer, new RtpCounters(), new ReceptionStatistics(),
                digit -> { }, packet -> { }, null), channel.eventLoop(), channel, new OutboundStream(0xBEEFL, 100, 16_000));
        outbound.start();
        outbound.startRelay(source);
        new SplittableRandom(3).nextBytes(payload);
    }

    @TearDown(Level.Trial)
    public void close() {
        outbound.close();
        channel.finishAndReleaseAll();
        engine.close();
    }

    @Benchmark
    public Object restamp() {
        long now = System.nanoTime();
        return stamper.stamp(next(now), peer, 8000, now);
    }

    @Benchmark
    public void sendRelayed() {
        outbound.sendRelayed(next(System.nanoTime()), System.nanoTime());
        channel.releaseOutbound();
    }

    private RelayedPacket next(long now) {
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        timestamp = (timestamp + 160) & 0xFFFF_FFFFL;
        return new RelayedPacket(source, new RtpPacket(false, 0, sequenceNumber, timestamp, 0x5EB0L, payload), Codec.PCMU, now);
    }
}
