package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotline.acd.NotServedReason;
import org.hotline.call.AgentLeg;

/**
 * What the ACD asks of one queued caller's thread: the engine's {@link org.hotline.acd.AcdActions}
 * for that call, plus the caller's own hang-up. Immutable; posted to the caller's
 * {@link CallerMailbox} from the ACD executor (or a front thread, for {@link HungUp}).
 */
sealed interface CallerCommand {

    /** Rule R7: say the caller's position and, if known, the expected wait. */
    record Announce(int position, Optional<Duration> expectedWait) implements CallerCommand {}

    /** Ring these agents for the caller (several at once for ring-all). */
    record Offer(String queue, List<String> agents) implements CallerCommand {
        public Offer {
            agents = List.copyOf(agents);
        }
    }

    /** CANCEL the still-ringing offers to these agents. */
    record CancelOffers(List<String> agents) implements CallerCommand {
        public CancelOffers {
            agents = List.copyOf(agents);
        }
    }

    /** The agent answered and won: bridge the caller with this leg (rules R8 and R3 first). */
    record Connect(String agent, AgentLeg leg, Duration waited) implements CallerCommand {
        public Connect {
            Objects.requireNonNull(leg, "leg");
        }
    }

    /** The caller waits in another queue now (maximum wait reached). */
    record Overflowed(String toQueue) implements CallerCommand {}

    /** The caller leaves the ACD without an agent: rule R9's failure path. */
    record NotServed(NotServedReason reason) implements CallerCommand {}

    /** The caller hung up (posted by the front's hang-up notice). */
    record HungUp() implements CallerCommand {}

    /** Rule R12: offer the caller a callback; {@code expectedWait} as the engine estimated it. */
    record OfferCallback(Optional<Duration> expectedWait) implements CallerCommand {}
}
