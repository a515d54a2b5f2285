package org.hotline.call;

/** A running tap on a caller's audio ({@link CallControl#tapCallerAudio}); closing it stops the flow of packets. */
@FunctionalInterface
public interface AudioTap extends AutoCloseable {

    /** Stops handing packets over. Idempotent; never throws. */
    @Override
    void close();
}
