package org.hotline.acd;

import java.util.Objects;

/** What happens to a caller who reaches a queue's maximum wait. */
public sealed interface MaxWaitAction {

    /** Move the caller to another queue; they keep their priority and original entry time. */
    record Overflow(String queue) implements MaxWaitAction {
        public Overflow {
            Objects.requireNonNull(queue, "queue");
        }
    }

    /** Rule R9's failure path: the caller leaves the ACD unserved (message or callback offered). */
    record Fail() implements MaxWaitAction {}

    static MaxWaitAction overflowTo(String queue) {
        return new Overflow(queue);
    }

    static MaxWaitAction fail() {
        return new Fail();
    }
}
