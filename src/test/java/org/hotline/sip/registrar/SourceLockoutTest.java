package org.hotline.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceLockoutTest {

    private final MutableClock clock = MutableClock.atEpochDay();
    private final SourceLockout lockout = new SourceLockout(
            new LockoutConfig(3, Duration.ofMinutes(5), Duration.ofMinutes(15), 4), clock);

    @Test
    void locksOnTheThirdFailureWithinTheWindow() throws Exception {
        InetAddress source = address(1);

        assertFalse(lockout.recordFailure(source));
        assertFalse(lockout.recordFailure(source));
        assertTrue(lockout.recordFailure(source));

        assertEquals(Optional.of(Duration.ofMinutes(15)), lockout.lockedFor(source));
    }

    @Test
    void unlocksWhenTheLockDurationHasPassedAndStartsCountingAfresh() throws Exception {
        InetAddress source = address(1);
        for (int i = 0; i < 3; i++) {
            lockout.recordFailure(source);
        }

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertTrue(lockout.isLocked(source));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(lockout.isLocked(source));
        assertFalse(lockout.recordFailure(source));
        assertFalse(lockout.isLocked(source));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() throws Exception {
        InetAddress source = address(1);
        lockout.recordFailure(source);
        lockout.recordFailure(source);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertFalse(lockout.recordFailure(source));
        assertFalse(lockout.isLocked(source));
    }

    @Test
    void lockOutlastingTheWindowIsNotCutShortByFurtherFailures() throws Exception {
        InetAddress source = address(1);
        for (int i = 0; i < 3; i++) {
            lockout.recordFailure(source);
        }
        clock.advance(Duration.ofMinutes(10));

        lockout.recordFailure(source);

        assertEquals(Optional.of(Duration.ofMinutes(5)), lockout.lockedFor(source));
    }

    @Test
    void successForgetsEarlierFailures() throws Exception {
        InetAddress source = address(1);
        lockout.recordFailure(source);
        lockout.recordFailure(source);

        lockout.recordSuccess(source);

        assertFalse(lockout.recordFailure(source));
        assertFalse(lockout.recordFailure(source));
        assertFalse(lockout.isLocked(source));
    }

    @Test
    void sourcesAreCountedSeparately() throws Exception {
        for (int i = 0; i < 3; i++) {
            lockout.recordFailure(address(1));
        }

        assertTrue(lockout.isLocked(address(1)));
        assertFalse(lockout.isLocked(address(2)));
    }

    @Test
    void staysWithinItsMemoryBoundAndKeepsLockedSources() throws Exception {
        for (int i = 0; i < 3; i++) {
            lockout.recordFailure(address(1));
        }
        for (int source = 2; source <= 50; source++) {
            lockout.recordFailure(address(source));
            assertTrue(lockout.trackedSources() <= 4, "tracked " + lockout.trackedSources());
        }

        assertTrue(lockout.isLocked(address(1)));
    }

    @Test
    void rejectsNonsenseConfiguration() {
        assertThrows(IllegalArgumentException.class,
                () -> new LockoutConfig(0, Duration.ofMinutes(5), Duration.ofMinutes(15), 10));
        assertThrows(IllegalArgumentException.class,
                () -> new LockoutConfig(5, Duration.ZERO, Duration.ofMinutes(15), 10));
    }

    private static InetAddress address(int host) throws UnknownHostException {
        return InetAddress.getByName("198.51.100." + host);
    }
}
