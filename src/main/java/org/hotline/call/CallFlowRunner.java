package org.hotline.call;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where fronts deliver calls: each call's {@link CallFlow} runs on its own virtual thread named
 * {@code call-<callId>}, so {@link #onIncomingCall} returns at once on the front's I/O thread.
 * Thread-safe; the set of live flows is the only state, touched by fronts, flows and {@link #close}.
 */
public final class CallFlowRunner implements IncomingCallHandler, AutoCloseable {

    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(CallFlowRunner.class);

    private final CallFlow flow;
    private final Duration closeTimeout;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public CallFlowRunner(CallFlow flow) {
        this(flow, DEFAULT_CLOSE_TIMEOUT);
    }

    /** @param closeTimeout how long {@link #close} waits for interrupted flows to end */
    public CallFlowRunner(CallFlow flow, Duration closeTimeout) {
        this.flow = flow;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public void onIncomingCall(CallControl call) {
        String callId = call.info().callId();
        if (closed) {
            log.atWarn().addKeyValue("callId", callId).log("call arrived after shutdown; rejecting it");
            Thread.ofVirtual().name("call-" + callId).start(() -> call.hangup(EndReason.FAILURE));
            return;
        }
        Thread thread = Thread.ofVirtual().name("call-" + callId).unstarted(() -> runFlow(call));
        live.add(thread);
        thread.start();
        if (closed) {
            thread.interrupt(); // raced with close(): it may not have seen this thread
        }
    }

    private void runFlow(CallControl call) {
        try {
            flow.run(call);
        } finally {
            live.remove(Thread.currentThread());
        }
    }

    /** Flows still running (tests check that every call's flow ends). */
    public int liveFlows() {
        return live.size();
    }

    /** Interrupts every live flow and waits up to the close timeout for them to end. */
    @Override
    public void close() {
        closed = true;
        List<Thread> running = List.copyOf(live);
        running.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        try {
            for (Thread thread : running) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Duration.ofNanos(left));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!live.isEmpty()) {
            log.atWarn().addKeyValue("flows", live.size()).log("call flows still running after shutdown timeout");
        }
    }
}
