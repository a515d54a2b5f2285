package org.hotline.agi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.hotline.call.AgentOfferListener;
import org.hotline.config.AgiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' phones ringing for AGI callers, by the channel id Hotline gave each Originate: the
 * OriginateResponse (AMI), the answered agent's own {@code AGI(.../agent)} session
 * ({@code agi_uniqueid} is that channel id) and hold events (AMI Hold/Unhold, by unique id or
 * channel name) all find their offer or leg here.
 * <pre>
 *   offerAgent ─► Originate(PJSIP/1001, ChannelId) ─┬► agent answers ─► AGI agent session ─► leg ─► listener.answered
 *                                                   ├► OriginateResponse: Failure ─► listener.failed
 *                                                   └► the ACD cancels (rule R1) ─► AMI Hangup
 * </pre>
 * Thread-safe: the AMI event thread, the FastAGI event loops and the callers' threads meet here;
 * each offer's state is its own atomic reference.
 */
final class AgentOffers {

    /** Rule R1 caps a queue's ring timeout at 10 s; the Originate's own timeout is a safety net above it. */
    static final Duration RING_SAFETY_TIMEOUT = Duration.ofSeconds(12);
    static final String CALL_VARIABLE = "HOTLINE_CALL";
    static final String AGENT_VARIABLE = "HOTLINE_AGENT";

    private static final Logger log = LoggerFactory.getLogger(AgentOffers.class);

    private final AgiConfig config;
    private final Map<String, AgiAgentOffer> offers = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    AgentOffers(AgiConfig config) {
        this.config = config;
    }

    /** Rings {@code workNumber} for {@code caller}; a manager connection that is down fails the offer at once. */
    AgiAgentOffer offer(AgiCall caller, String workNumber, AgentOfferListener listener) {
        String channelId = caller.info().callId() + "-" + workNumber + "-" + sequence.incrementAndGet();
        AgiAgentOffer offer = new AgiAgentOffer(this, caller, workNumber, channelId, listener);
        offers.put(channelId, offer);
        Origination origination = new Origination(channelId,
                config.agentDialString().replace(AgiConfig.WORK_NUMBER, workNumber), config.agentContext(),
                RING_SAFETY_TIMEOUT, caller.info().caller(),
                Map.of(CALL_VARIABLE, caller.info().callId(), AGENT_VARIABLE, workNumber));
        try {
            caller.context().asterisk().originate(origination);
        } catch (AsteriskManager.AsteriskUnavailableException e) {
            offer.failed("manager connection down: " + e.getMessage());
        }
        return offer;
    }

    // --- from AMI (the manager connection's event thread) ---

    void onOriginateFailed(String channelId, String reason) {
        Optional.ofNullable(offers.get(channelId)).ifPresent(offer -> offer.failed(reason));
    }

    void onHold(String uniqueId, String channel, boolean held) {
        offers.values().stream()
                .filter(offer -> offer.isChannel(uniqueId, channel))
                .findFirst()
                .ifPresent(offer -> offer.onHold(held));
    }

    // --- from the FastAGI server (an event loop) ---

    /** The {@code agent} script: an answered agent channel; without its offer (late, cancelled) it is hung up. */
    void onAgentSession(AgiSession session) {
        AgiAgentOffer offer = offers.get(session.id());
        if (offer == null || !offer.answered(session)) {
            log.atInfo().addKeyValue("channelId", session.id()).log("agent answered an offer no longer wanted; hanging up");
            session.send(new HangupCommand()).whenComplete((reply, failure) -> session.close());
        }
    }

    // --- for the offers and legs ---

    void forget(String channelId) {
        offers.remove(channelId);
    }
}
