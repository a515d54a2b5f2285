package org.hotline.agi;

import java.time.Clock;
import java.util.Objects;
import org.hotline.call.QueueGateway;
import org.hotline.config.AgiConfig;
import org.hotline.event.CallEventListener;

/** What every AGI call shares. Immutable; any thread. */
record AgiCallContext(AgiConfig config, PromptPaths prompts, QueueGateway queues, CallEventListener events, Clock clock,
        AsteriskManager asterisk, AgentOffers offers, AgiRecordingListener recordings) {

    AgiCallContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(asterisk, "asterisk");
        Objects.requireNonNull(offers, "offers");
        Objects.requireNonNull(recordings, "recordings");
    }
}
