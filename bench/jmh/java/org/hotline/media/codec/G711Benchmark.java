package org.hotline.media.codec;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hotline.media.Codec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * G.711 on one 20 ms frame (160 samples), as the media clock encodes every prompt frame and the
 * relay transcodes every packet between a PCMU and a PCMA peer (issue 7). Run by bench/jmh/run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class G711Benchmark {

    @Param({"PCMU", "PCMA"})
    public Codec codec;

    private short[] samples;
    private byte[] codes;

    @Setup
    public void frame() {
        SplittableRandom random = new SplittableRandom(7);
        samples = new short[G711.SAMPLES_PER_FRAME];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) random.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1);
        }
        codes = G711.encode(codec, samples, 0, samples.length);
    }

    /** A prompt frame on its way out (OutboundMedia.emitFrame). */
    @Benchmark
    public byte[] encodeFrame() {
        return G711.encode(codec, samples, 0, samples.length);
    }

    /** A received frame to linear (recording, analysis). */
    @Benchmark
    public short[] decodeFrame() {
        return G711.decode(codec, codes);
    }

    /** A relayed frame into the other law (RelayStamper, peers with different codecs). */
    @Benchmark
    public byte[] transcodeFrame() {
        return G711.transcode(codec, codec == Codec.PCMU ? Codec.PCMA : Codec.PCMU, codes);
    }
}
