package org.hotline.call;

/**
 * The queue gateway until the ACD exists: no agent can ever be reached, so every caller who asks
 * for one gets rule R9's failure path from the call flow.
 */
public final class UnstaffedQueueGateway implements QueueGateway {

    @Override
    public QueueOutcome enqueue(CallControl call, QueueRequest request) {
        return QueueOutcome.NOT_SERVED;
    }
}
