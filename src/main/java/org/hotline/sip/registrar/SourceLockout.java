package org.hotline.sip.registrar;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed digest authentications per source address and locks a source out after
 * {@link LockoutConfig#maxFailures()} failures within {@link LockoutConfig#failureWindow()} (window
 * counted from the first failure); a success resets the count. Softphones of one office behind one
 * NAT share an address and therefore one failure budget: size {@code maxFailures} for that.
 *
 * <p>Thread-safe: SIP stack threads call it concurrently. State is a {@link ConcurrentHashMap} of
 * immutable records replaced atomically with {@code compute}. Memory is bounded by
 * {@link LockoutConfig#maxTrackedSources()}: when full, idle entries are dropped first, then
 * partial counts; locked entries are kept, and if only locked entries remain a new source is not
 * tracked (logged).
 */
public final class SourceLockout {

    private static final Logger log = LoggerFactory.getLogger(SourceLockout.class);

    private final LockoutConfig config;
    private final Clock clock;
    private final Map<InetAddress, Failures> bySource = new ConcurrentHashMap<>();

    public SourceLockout(LockoutConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** How much longer {@code source} stays locked; empty if it is not locked. */
    public Optional<Duration> lockedFor(InetAddress source) {
        Failures failures = bySource.get(source);
        Instant now = clock.instant();
        if (failures == null || !failures.lockedAt(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.lockedUntil()));
    }

    public boolean isLocked(InetAddress source) {
        return lockedFor(source).isPresent();
    }

    /** Counts one failure; returns true if this failure locked the source. */
    public boolean recordFailure(InetAddress source) {
        Instant now = clock.instant();
        if (!bySource.containsKey(source) && !makeRoom(now)) {
            log.atWarn().addKeyValue("source", source.getHostAddress())
                    .log("Lockout table full of locked sources; this source's failure is not tracked");
            return false;
        }
        Failures after = bySource.compute(source, (key, before) -> next(before, now));
        return after.lockedAt(now) && after.failures() == config.maxFailures();
    }

    /** A successful authentication forgets the source's failures. */
    public void recordSuccess(InetAddress source) {
        bySource.remove(source);
    }

    int trackedSources() {
        return bySource.size();
    }

    private Failures next(Failures before, Instant now) {
        if (before != null && before.lockedAt(now)) {
            return new Failures(before.failures() + 1, before.windowStart(), before.lockedUntil());
        }
        boolean startOver = before == null
                || before.wasLocked()
                || now.isAfter(before.windowStart().plus(config.failureWindow()));
        Failures counted = startOver
                ? new Failures(1, now, Instant.MIN)
                : new Failures(before.failures() + 1, before.windowStart(), Instant.MIN);
        return lockIfDue(counted, now);
    }

    private Failures lockIfDue(Failures failures, Instant now) {
        if (failures.failures() >= config.maxFailures()) {
            return new Failures(failures.failures(), failures.windowStart(), now.plus(config.lockDuration()));
        }
        return failures;
    }

    /** Returns true if a new source may be tracked. */
    private boolean makeRoom(Instant now) {
        if (bySource.size() < config.maxTrackedSources()) {
            return true;
        }
        bySource.values().removeIf(failures -> !failures.lockedAt(now)
                && now.isAfter(failures.windowStart().plus(config.failureWindow())));
        if (bySource.size() >= config.maxTrackedSources()) {
            bySource.values().removeIf(failures -> !failures.lockedAt(now));
        }
        return bySource.size() < config.maxTrackedSources();
    }

    /** Failures since {@code windowStart}; {@code lockedUntil} is {@link Instant#MIN} when never locked. */
    private record Failures(int failures, Instant windowStart, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return now.isBefore(lockedUntil);
        }

        boolean wasLocked() {
            return lockedUntil.isAfter(Instant.MIN);
        }
    }
}
