package org.hotline.call;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hotline.config.OverloadConfig;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;

/**
 * Rule R20's overload limit, shared by every front: at most {@code overload.maxCalls} callers are
 * admitted at once; a call beyond it gets the configured treatment (a short busy message, or 503
 * with Retry-After) so the admitted ones keep their media and their agents. A slot is taken by
 * {@link #admit} and given back by the call's {@link CallEvent.Ended} (this is a call-event
 * listener), or by {@link #release} for a call that never started.
 *
 * <p>Thread-safe: fronts admit on their I/O threads, calls end on any thread. The check and the
 * claim of a slot happen under one lock (a few instructions, no I/O), so a burst of INVITEs on
 * several stack threads never admits more than the limit.
 */
public final class CallAdmission implements CallEventListener {

    /** What a new call gets. */
    public enum Decision {
        ADMIT,
        /** Rule R20: answer with busy.all-lines, then hang up. */
        BUSY_MESSAGE,
        /** Rule R20: 503 Service Unavailable with Retry-After (RFC 3261 §21.5.4). */
        REJECT
    }

    /** Admits every call. */
    public static final CallAdmission UNLIMITED = new CallAdmission(
            new OverloadConfig(0, OverloadConfig.Treatment.MESSAGE, Duration.ofSeconds(60)));

    private final OverloadConfig config;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();

    public CallAdmission(OverloadConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Admits {@code callId} (it holds a slot until its Ended) or says how to turn it away. */
    public Decision admit(String callId) {
        if (!config.limited()) {
            return Decision.ADMIT;
        }
        lock.lock();
        try {
            if (admitted.size() < config.maxCalls()) {
                admitted.add(callId);
                return Decision.ADMIT;
            }
        } finally {
            lock.unlock();
        }
        return config.treatment() == OverloadConfig.Treatment.REJECT ? Decision.REJECT : Decision.BUSY_MESSAGE;
    }

    /** Gives back the slot of an admitted call that will never emit Ended (refused before it started). */
    public void release(String callId) {
        admitted.remove(callId);
    }

    /** The Retry-After of a rejection. */
    public Duration retryAfter() {
        return config.retryAfter();
    }

    /** Calls holding a slot now. */
    public int admittedCalls() {
        return admitted.size();
    }

    @Override
    public void onEvent(CallEvent event) {
        if (event instanceof CallEvent.Ended ended) {
            admitted.remove(ended.callId());
        }
    }
}
