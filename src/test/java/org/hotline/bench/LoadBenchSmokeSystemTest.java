package org.hotline.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: a short run of the load bench, exactly as {@code bench/run} does it (the server from
 * target/hotline.jar as its own process, SIPp callers and agents), small enough for a shared
 * 2-core machine: 10 calls of 30 s, two of them waiting in the unstaffed queue past a 5 s
 * announcement. It asserts correctness only, never speed: every call answered within three rings
 * (R1) and connected, the waiting callers announced to (R7), audio relayed without loss by the
 * relay, and the server back to its idle heap, threads, file descriptors and RTP ports.
 */
class LoadBenchSmokeSystemTest {

    @Test
    void tenCallsConnectRelayAndLeaveTheServerIdle() {
        BenchOptions options = BenchOptions.defaults().cps(2).concurrency(10).calls(10).callLength(Duration.ofSeconds(30))
                .waitShare(0.2).announceFirst(Duration.ofSeconds(5)).build();

        BenchResult result = new BenchRun(options).run();

        String summary = "\n" + result.render();
        assertAll(
                () -> assertTrue(result.everyCallConnected(), "every call answered in three rings and connected" + summary),
                () -> assertEquals(10, result.calls().attempted(), summary),
                () -> assertEquals(2, result.announcements().entered(), "two callers in the unstaffed queue" + summary),
                () -> assertTrue(result.announcements().waitedPast() >= 2, "both wait past the announcement" + summary),
                () -> assertEquals(result.announcements().waitedPast(), result.announcements().announced(),
                        "every wait past it is announced (R7)" + summary),
                () -> assertTrue(result.rtp().relayed() > 0, "the agents' calls carried relayed audio" + summary),
                () -> assertEquals(0, result.rtp().relayLost(), "no packet lost by the relay" + summary),
                () -> assertEquals(0, result.rtp().sendFailures(), summary),
                () -> assertEquals(result.calls().connected(), result.recordings().valid(),
                        "one valid recording per bridged call (R14: all)" + summary),
                () -> assertEquals(result.recordings().written(), result.recordings().valid(), summary),
                () -> assertTrue(result.after().leakFree(result.baseline()), "back to the idle baseline" + summary));
    }
}
