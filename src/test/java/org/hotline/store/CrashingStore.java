package org.hotline.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hotline.config.StoreConfig;

/**
 * The child process of {@link StoreCrashSystemTest}: opens the store, reports a call that is still
 * waiting in a queue, waits until it is written, says {@code WRITTEN} on standard output and then
 * waits to be killed with SIGKILL, as a server would be in the middle of a call.
 */
public final class CrashingStore {

    private CrashingStore() {
    }

    public static void main(String[] args) throws Exception {
        StoreConfig config = new StoreConfig(args[0], "hotline", "", 2, Path.of(args[1]), Duration.ofSeconds(2),
                Duration.ofMillis(200));
        Store store = Store.open(config, Clock.systemUTC());
        StoreHarness.until("the store reaches its database", () -> !store.spooling());
        StoreHarness.feed(store, CallScript.stillWaiting(args[2], StoreHarness.MONDAY));
        store.flush().get(20, TimeUnit.SECONDS);
        System.out.println("WRITTEN");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }
}
