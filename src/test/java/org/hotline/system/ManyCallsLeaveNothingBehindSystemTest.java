package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.hotline.Hotline;
import org.junit.jupiter.api.Test;

/**
 * Issue 2: 100 calls in a row from a real SIPp caller leave no calls, call flows, SIP dialogs,
 * SIP transactions, RTP port pairs or threads behind once the stack's RFC 3261 linger timers
 * (Timer J/K, the dialog linger) have run out.
 */
class ManyCallsLeaveNothingBehindSystemTest {

    private static final int CALLS = 100;
    /** Longest RFC 3261 linger with the default timers: Timer J/H = 64*T1 = 32 s, plus slack. */
    private static final Duration LINGER = Duration.ofSeconds(45);

    @Test
    void hundredCallsInARowLeaveNoDialogsTransactionsPortsOrThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (InProcessHotline running = InProcessHotline.start()) {
            Hotline hotline = running.server();
            placeCalls(running, 10); // warm-up: the stack, both RTP event loops and the carrier threads start
            Await.until(() -> idle(hotline), LINGER, () -> "after warm-up: " + counts(hotline));
            int baselineThreads = threads.getThreadCount();
            String baselineNames = threadNames();

            SippResult result = placeCalls(running, CALLS);

            assertEquals(CALLS, result.successfulCalls(), result.summary());
            Await.until(() -> idle(hotline), LINGER, () -> "after " + CALLS + " calls: " + counts(hotline));
            assertEquals(0, hotline.activeCalls());
            assertEquals(0, hotline.liveCallFlows());
            assertEquals(0, hotline.stackDialogs());
            assertEquals(0, hotline.stackTransactions());
            assertEquals(0, hotline.mediaSessionsInUse());
            assertTrue(threads.getThreadCount() <= baselineThreads,
                    "platform threads grew from " + baselineThreads + " to " + threads.getThreadCount()
                            + "\nbefore: " + baselineNames + "\nafter:  " + threadNames());
        }
    }

    private static SippResult placeCalls(InProcessHotline running, int count) {
        return Sipp.scenario("uac-short.xml")
                .remote("127.0.0.1", running.sipPort())
                .service("4008001234")
                .defaultPause(Duration.ofMillis(300))
                .calls(count, 10, 10)
                .timeout(Duration.ofSeconds(120))
                .run()
                .assertPassed();
    }

    private static String threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList().toString();
    }

    private static boolean idle(Hotline hotline) {
        return hotline.activeCalls() == 0 && hotline.liveCallFlows() == 0 && hotline.stackDialogs() == 0
                && hotline.stackTransactions() == 0 && hotline.mediaSessionsInUse() == 0;
    }

    private static String counts(Hotline hotline) {
        return "calls=" + hotline.activeCalls() + " flows=" + hotline.liveCallFlows() + " dialogs="
                + hotline.stackDialogs() + " transactions=" + hotline.stackTransactions() + " rtp="
                + hotline.mediaSessionsInUse();
    }
}
