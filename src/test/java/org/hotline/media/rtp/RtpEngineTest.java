package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.config.RtpConfig;
import org.hotline.media.AudioClip;
import org.hotline.media.PortsExhaustedException;
import org.junit.jupiter.api.Test;

class RtpEngineTest {

    @Test
    void handsOutAnEvenRtpPortWithTheOddRtcpPortBoundToo() throws Exception {
        RtpConfig config = TestPorts.freeRange(2);
        try (RtpEngine engine = new RtpEngine(config, new SplittableRandom(1))) {
            RtpSession session = engine.open("call-1");

            assertEquals(0, session.localPort() % 2);
            assertTrue(session.localPort() >= config.portMin() && session.localPort() + 1 <= config.portMax());
            assertThrows(BindException.class, () -> bind(session.localPort()).close());
            assertThrows(BindException.class, () -> bind(session.localPort() + 1).close());
            assertEquals(1, engine.sessionsInUse());
        }
    }

    @Test
    void opensABridgedLegOnTheEventLoopOfTheSessionNearIt() {
        RtpConfig free = TestPorts.freeRange(6);
        try (RtpEngine engine = new RtpEngine(new RtpConfig(free.bindAddress(), free.portMin(), free.portMax(), 3),
                new SplittableRandom(1))) {
            RtpSession first = engine.open("caller-1");
            RtpSession second = engine.open("caller-2");
            RtpSession agent = engine.open("agent-of-2", second);
            RtpSession closedNear = engine.open("caller-3");
            closedNear.close();
            Await.until("caller-3 is gone", () -> engine.sessionsInUse() == 3);

            assertTrue(first.eventLoop() != second.eventLoop(), "callers take the loops in turn");
            assertSame(second.eventLoop(), agent.eventLoop());
            engine.open("anywhere", closedNear);
            assertEquals(4, engine.sessionsInUse(), "a closed near session is only a hint: the leg opens anyway");
        }
    }

    @Test
    void returnsThePortsWhenTheSessionCloses() throws Exception {
        try (RtpEngine engine = new RtpEngine(TestPorts.freeRange(2), new SplittableRandom(1))) {
            RtpSession session = engine.open("call-1");
            int port = session.localPort();

            session.close();
            session.close();

            Await.until("the pair is returned", () -> engine.sessionsInUse() == 0);
            bind(port).close();
            bind(port + 1).close();
        }
    }

    @Test
    void refusesASessionWhenEveryPairIsInUse() {
        try (RtpEngine engine = new RtpEngine(TestPorts.freeRange(2), new SplittableRandom(1))) {
            RtpSession first = engine.open("call-1");
            RtpSession second = engine.open("call-2");

            assertThrows(PortsExhaustedException.class, () -> engine.open("call-3"));

            first.close();
            Await.until("a pair is free again", () -> engine.sessionsInUse() == 1);
            RtpSession third = engine.open("call-3");
            assertEquals(first.localPort(), third.localPort());
            assertTrue(second.localPort() != third.localPort());
        }
    }

    @Test
    void skipsAPairThatAnotherProgramHolds() throws Exception {
        RtpConfig config = TestPorts.freeRange(2);
        try (DatagramSocket squatter = bind(config.portMin() + 1);
                RtpEngine engine = new RtpEngine(config, new SplittableRandom(1))) {
            assertEquals(config.portMin() + 2, engine.open("call-1").localPort());
            assertThrows(PortsExhaustedException.class, () -> engine.open("call-2"));
            assertEquals(1, engine.sessionsInUse());
            bind(config.portMin()).close(); // the half-bound pair's RTP socket was closed again
            assertTrue(squatter.isBound());
        }
    }

    @Test
    void closingTheEngineClosesItsSessionsAndReturnsTheirPorts() throws Exception {
        RtpEngine engine = new RtpEngine(TestPorts.freeRange(2), new SplittableRandom(1));
        RtpSession session = engine.open("call-1");
        CompletableFuture<Void> playing = session.play(List.of(new AudioClip("long", new short[80000])));

        engine.close();
        engine.close();

        playing.get(1, TimeUnit.SECONDS);
        assertEquals(0, engine.sessionsInUse());
        bind(session.localPort()).close();
        assertThrows(IllegalStateException.class, () -> engine.open("call-2"));
    }

    @Test
    void rejectsARangeWithoutAPair() {
        assertThrows(IllegalArgumentException.class, () -> new RtpEngine(new RtpConfig("127.0.0.1", 30001, 30001, 1)));
        assertThrows(IllegalArgumentException.class, () -> new RtpEngine(new RtpConfig("127.0.0.1", 30010, 30000, 1)));
        assertThrows(IllegalArgumentException.class, () -> new RtpEngine(new RtpConfig("127.0.0.1", 65534, 65536, 1)));
    }

    @Test
    void rejectsABindAddressThatIsNotLocal() {
        assertThrows(IllegalArgumentException.class, () -> new RtpEngine(new RtpConfig("192.0.2.55", 30000, 30009, 1)));
    }

    private static DatagramSocket bind(int port) throws Exception {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getByName(TestPorts.LOOPBACK), port));
    }
}
