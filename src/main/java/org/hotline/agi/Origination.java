package org.hotline.agi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One agent's phone to ring for a caller, as an AMI {@code Originate}: the agent's dial string
 * ({@code PJSIP/1001}) into the agent context, with the channel id Hotline chose, so the agent's
 * {@code AGI(.../agent)} session ({@code agi_uniqueid}), the {@code OriginateResponse} and a
 * cancelling {@code Hangup} all name the same channel.
 *
 * @param channelId the answered channel's unique id ({@code ChannelId}, Asterisk 13+)
 * @param timeout   how long the phone rings at most: a safety net above the ACD's ring timeout (rule R1)
 */
record Origination(String channelId, String dialString, String context, Duration timeout, String callerIdNumber,
        Map<String, String> variables) {

    Origination {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(dialString, "dialString");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(callerIdNumber, "callerIdNumber");
        variables = Map.copyOf(variables);
    }
}
