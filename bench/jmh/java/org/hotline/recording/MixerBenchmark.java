package org.hotline.recording;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hotline.media.Codec;
import org.hotline.media.codec.G711;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The recording mixer's work for 20 ms of a bridged call (issue 7): both legs' packets decoded
 * from PCMU and placed on the {@link StereoTimeline} by their timestamps, then the 160 stereo
 * frames committed and taken for the WAV (the file write itself is the load bench's). What a
 * recording's writer thread does 50 times a second. Run by bench/jmh/run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MixerBenchmark {

    private static final int SAMPLES = G711.SAMPLES_PER_FRAME;

    private StereoTimeline timeline;
    private byte[] callerPayload;
    private byte[] agentPayload;
    private long position;
    private long timestamp;

    @Setup
    public void timeline() {
        timeline = new StereoTimeline(RecordingTiming.DEFAULTS.ringSamples());
        SplittableRandom random = new SplittableRandom(11);
        callerPayload = new byte[SAMPLES];
        agentPayload = new byte[SAMPLES];
        random.nextBytes(callerPayload);
        random.nextBytes(agentPayload);
    }

    /** Two packets (one per leg) in, 160 stereo frames out. */
    @Benchmark
    public ByteBuffer mixFrame() {
        position += SAMPLES;
        timestamp += SAMPLES;
        timeline.place(Leg.CALLER, 0x1111, timestamp, G711.decode(Codec.PCMU, callerPayload), position);
        timeline.place(Leg.AGENT, 0x2222, timestamp, G711.decode(Codec.PCMU, agentPayload), position);
        timeline.commitTo(position);
        return timeline.takeOutput();
    }
}
