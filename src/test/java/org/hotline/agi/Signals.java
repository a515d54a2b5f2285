package org.hotline.agi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Named one-shot signals between the fake Asterisk's sessions (the caller's, the agent's, AMI). Thread-safe. */
final class Signals {

    private final Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();

    void signal(String name) {
        latch(name).countDown();
    }

    void await(String name, Duration timeout) {
        try {
            if (!latch(name).await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("timed out waiting for signal " + name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for signal " + name, e);
        }
    }

    boolean isSignalled(String name) {
        return latch(name).getCount() == 0;
    }

    private CountDownLatch latch(String name) {
        return latches.computeIfAbsent(name, key -> new CountDownLatch(1));
    }
}
