package org.hotline.system;

/**
 * The Hotline server a system test calls, on 127.0.0.1. Implemented by {@code InProcessHotline}
 * (the composition root started in the test JVM) and {@code AcdUnderTest} (that, with agents).
 */
public interface HotlineUnderTest extends AutoCloseable {

    /** The SIP port it listens on (UDP and TCP). */
    int sipPort();

    /** The SIP URI of one of its numbers, e.g. {@code sip:4008001234@127.0.0.1:<port>}. */
    default String uri(String number) {
        return "sip:" + number + "@" + Sipp.LOOPBACK + ":" + sipPort();
    }

    /** Stops it: calls ended, ports returned. */
    @Override
    void close();
}
