package org.hotline.sip.registrar;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs listener notifications one at a time, in the order they were queued, without a lock: the
 * thread that queued a notification drains the queue unless another thread is already draining.
 * Notifications are queued inside the registrar's per-AOR atomic update, so their order is the
 * order of the changes, and they run outside it, so a listener may call back into the registrar.
 */
final class SerialNotifier {

    private static final Logger log = LoggerFactory.getLogger(SerialNotifier.class);

    private final Queue<Notification> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    void enqueue(String aor, Runnable call) {
        pending.add(new Notification(aor, call));
    }

    void drain() {
        while (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                Notification notification;
                while ((notification = pending.poll()) != null) {
                    runOne(notification);
                }
            } finally {
                draining.set(false);
            }
        }
    }

    private static void runOne(Notification notification) {
        try {
            notification.call().run();
        } catch (RuntimeException e) {
            log.atError().addKeyValue("aor", notification.aor()).setCause(e)
                    .log("Registration listener threw; the registration itself stands");
        }
    }

    /** A listener call about one AOR. */
    private record Notification(String aor, Runnable call) {
    }
}
