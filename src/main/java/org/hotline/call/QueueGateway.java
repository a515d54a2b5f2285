package org.hotline.call;

/**
 * The ACD as the fronts see it: a front's {@link CallControl#handToQueue} delegates here. Blocks the
 * calling virtual thread until the caller leaves the queue.
 */
@FunctionalInterface
public interface QueueGateway {

    QueueOutcome enqueue(CallControl call, QueueRequest request);
}
