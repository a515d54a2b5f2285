package org.hotline.acd;

import java.util.Objects;

/** The answer to an agent's status request: accepted with the new status, or refused with a reason. */
public sealed interface StatusReply {

    record Accepted(AgentStatus status) implements StatusReply {
        public Accepted {
            Objects.requireNonNull(status, "status");
        }
    }

    record Refused(Refusal reason) implements StatusReply {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
