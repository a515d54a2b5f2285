package org.hotline.recording;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.hotline.media.rtp.RtpPacket;

/**
 * Hands received RTP packets from the media event loops to a recording's writer thread without
 * blocking and without copying: the packet itself (immutable, its payload already copied out of
 * Netty's buffer by the decoder) and its arrival time. Bounded: when the writer falls
 * {@code capacity} packets behind, new packets are dropped and counted (their place in the
 * recording stays silent); the loop is never held up by a slow disk.
 *
 * <p>Threading: {@link #offer} from any thread (lock-free); {@link #drain} from the writer only.
 */
final class FrameQueue {

    /** One received packet of one leg; {@code arrivalNanos} on the {@code System.nanoTime()} scale. */
    record Frame(Leg leg, RtpPacket packet, long arrivalNanos) {
    }

    private final ConcurrentLinkedQueue<Frame> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final int capacity;

    FrameQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** False (and counted) when full. */
    boolean offer(Frame frame) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.increment();
            return false;
        }
        frames.add(frame);
        return true;
    }

    /** Hands every queued frame to {@code sink}, oldest first. */
    void drain(Consumer<Frame> sink) {
        for (Frame frame = frames.poll(); frame != null; frame = frames.poll()) {
            size.decrementAndGet();
            sink.accept(frame);
        }
    }

    /** Frames dropped because the queue was full. */
    long dropped() {
        return dropped.sum();
    }
}
