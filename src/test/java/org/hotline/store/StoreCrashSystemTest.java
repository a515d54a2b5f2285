package org.hotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.config.ConfigDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL in the middle of a call (issue 4): the embedded store, with the
 * default URL's options, still has the call's record, and the next start closes it as interrupted
 * (the server stopped) instead of leaving it in progress for ever.
 */
class StoreCrashSystemTest {

    @TempDir
    Path temp;

    @Test
    void aCallOfAKilledServerIsClosedAsInterruptedOnTheNextStart() throws Exception {
        String url = ConfigDefaults.STORE_JDBC_URL.replace("./data/hotline", temp.resolve("hotline").toString());
        Path spool = temp.resolve("spool");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashingStore.class.getName(), url, spool.toString(), "call-killed"))
                .redirectError(temp.resolve("child.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("WRITTEN", out.readLine(), "the child wrote the call (see " + temp.resolve("child.err") + ")");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        try (Store restarted = Store.open(StoreHarness.config(url, spool), StoreHarness.CLOCK)) {
            StoreHarness.until("the restarted store reaches its database", () -> !restarted.spooling());
            CallRecord call = restarted.calls().call("call-killed").orElseThrow();
            assertEquals(CallOutcome.INTERRUPTED, call.outcome());
            assertEquals(CallRecord.SERVER_STOPPED, call.endReason());
            assertEquals(StoreHarness.MONDAY.plusSeconds(6), call.endedAt());
        }
    }
}
