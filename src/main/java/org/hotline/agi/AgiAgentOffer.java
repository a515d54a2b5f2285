package org.hotline.agi;

import java.util.concurrent.atomic.AtomicReference;
import org.hotline.call.AgentOffer;
import org.hotline.call.AgentOfferListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's phone ringing for an AGI caller (an AMI Originate with Hotline's channel id). The ACD
 * owns the ring timeout (rule R1) and cancels; the first of answered, failed and cancelled wins:
 * <pre>
 *   RINGING ─┬► ANSWERED (the agent's AGI session arrived: the leg)
 *            ├► FAILED (OriginateResponse Failure, or no manager connection)
 *            └► CANCELLED (AMI Hangup of the ringing channel; no listener call)
 * </pre>
 * Threading: any thread; the state is one atomic reference.
 */
final class AgiAgentOffer implements AgentOffer {

    private static final Logger log = LoggerFactory.getLogger(AgiAgentOffer.class);

    private enum State { RINGING, ANSWERED, FAILED, CANCELLED }

    private final AgentOffers offers;
    private final AgiCall caller;
    private final String workNumber;
    private final String channelId;
    private final AgentOfferListener listener;
    private final AtomicReference<State> state = new AtomicReference<>(State.RINGING);
    private volatile AgiAgentLeg leg;

    AgiAgentOffer(AgentOffers offers, AgiCall caller, String workNumber, String channelId, AgentOfferListener listener) {
        this.offers = offers;
        this.caller = caller;
        this.workNumber = workNumber;
        this.channelId = channelId;
        this.listener = listener;
    }

    @Override
    public String workNumber() {
        return workNumber;
    }

    String channelId() {
        return channelId;
    }

    @Override
    public void cancel() {
        if (state.compareAndSet(State.RINGING, State.CANCELLED)) {
            offers.forget(channelId);
            caller.context().asterisk().hangup(channelId);
        }
    }

    /** The agent's AGI session arrived; false if the offer was cancelled or failed meanwhile. */
    boolean answered(AgiSession agentSession) {
        if (!state.compareAndSet(State.RINGING, State.ANSWERED)) {
            return false;
        }
        AgiAgentLeg answeredLeg = new AgiAgentLeg(caller, this, agentSession);
        leg = answeredLeg;
        log.atInfo().addKeyValue("callId", caller.info().callId()).addKeyValue("agent", workNumber)
                .addKeyValue("channel", agentSession.request().getChannel()).log("agent answered");
        listener.answered(answeredLeg);
        return true;
    }

    void failed(String reason) {
        if (state.compareAndSet(State.RINGING, State.FAILED)) {
            offers.forget(channelId);
            listener.failed(reason);
        }
    }

    boolean isChannel(String uniqueId, String channel) {
        AgiAgentLeg current = leg;
        return channelId.equals(uniqueId) || (current != null && current.channel().equals(channel));
    }

    void onHold(boolean held) {
        AgiAgentLeg current = leg;
        if (current != null) {
            current.onHold(held);
        }
    }

    /** The leg has ended: hold events for this channel are no longer wanted. */
    void ended() {
        offers.forget(channelId);
    }
}
