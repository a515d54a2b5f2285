package org.hotline.config;

import java.time.Duration;

/**
 * Queued callback (rule R12, {@code callback:}): how a waiting caller asks to be called back and
 * how the callback is placed. A queue offers it once a caller's expected wait reaches its
 * {@code callbackAfter}; the caller keeps their place in line and hangs up; when the place comes
 * up and an agent is free, the agent is connected first and the caller is dialled through the
 * {@code trunk}. Defaults are in {@link ConfigDefaults}.
 *
 * @param key          the key a waiting caller presses to ask for a callback; default {@code 1}
 * @param confirmKey   the key that confirms the number read back; default {@code 1}
 * @param otherKey     the key for keying in another number than the caller ID; default {@code 2}
 * @param inputTimeout no key for this long while confirming or keying in the number ends that
 *                     exchange; the caller keeps waiting in line (rule R5's spirit: never stuck), 3s-1m;
 *                     default 10s
 * @param initialDelay a callback is not placed sooner than this after it was asked for (the
 *                     caller must have hung up), 0s-1h; default 30s
 * @param maxAttempts  dialling attempts before the callback is given up, 1-10; default 3
 * @param minInterval  least time between two attempts for the same callback, 10s-1h; default 2m
 */
public record CallbackConfig(
        String key,
        String confirmKey,
        String otherKey,
        Duration inputTimeout,
        Duration initialDelay,
        int maxAttempts,
        Duration minInterval) {
}
