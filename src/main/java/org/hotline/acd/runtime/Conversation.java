package org.hotline.acd.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.acd.AcdEvent.Party;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentLeg.LegEvent;
import org.hotline.call.Announcement;
import org.hotline.call.CallControl;
import org.hotline.event.CallEvent;

/**
 * A caller bridged with an agent, on the caller's virtual thread: the whisper of the queue's name
 * to the agent, rules R8 and R3 to the caller, then relayed audio until the agent's leg ends it.
 * While the agent holds the caller, the caller hears music and rule R7's hold announcement
 * {@code holdAnnounceFirst} after the hold began and every {@code holdAnnounceEvery} after that,
 * timed from the hold's start (not from the last announcement) with the leg's wait timeouts and
 * the injected clock. A blind transfer (REFER) ends the agent's part and returns the queue the
 * caller waits in next, after rule R9's phrase; a REFER to a work number also names
 * that agent as the one to offer the caller to first.
 *
 * <p>Threading: the caller's virtual thread only. A caller hang-up surfaces as
 * {@link org.hotline.call.CallHungUpException} from the leg or the call, for {@link QueuedCaller}.
 */
final class Conversation {

    /** How long to wait for the leg's next event when no timer is due (nothing depends on it). */
    static final Duration IDLE_WAIT = Duration.ofMinutes(1);

    private final AcdQueueGateway.Context context;
    private final CallControl call;
    private final String callId;
    private final String language;
    private final QueueCallerSettings queue;
    private final CallerAudio audio;
    private final CallerCommand.Connect connect;
    private final AgentLeg leg;
    private Instant heldSince;
    private Instant nextHoldAnnouncement;

    Conversation(AcdQueueGateway.Context context, CallControl call, String language, QueueCallerSettings queue,
            CallerAudio audio, CallerCommand.Connect connect) {
        this.context = context;
        this.call = call;
        this.callId = call.info().callId();
        this.language = language;
        this.queue = queue;
        this.audio = audio;
        this.connect = connect;
        this.leg = connect.leg();
    }

    /** Where a transferred caller waits next, and the agent named by the REFER to offer them to first. */
    record Transfer(String queue, Optional<String> preferredAgent) {
    }

    /** Runs until the agent's leg ends; returns where to transfer to, or empty when the agent hung up. */
    Optional<Transfer> run() {
        audio.stop();
        if (queue.whisper()) {
            leg.whisper(Announcement.of(context.agentLanguage(), queue.namePrompt()));
        }
        call.play(new Announcement(AcdPrompts.agentIntroduction(connect.waited(), connect.agent(), language), language,
                false)); // rules R8, R3: before the agent speaks
        leg.relay(true);
        while (true) {
            audio.settle();
            LegEvent event = leg.awaitEvent(nextTimeout());
            Instant now = context.clock().instant();
            switch (event) {
                case HELD -> hold(now);
                case RESUMED -> resume(now);
                case TIMEOUT -> announceIfDue(now);
                case TRANSFER_REQUESTED -> {
                    return Optional.of(transfer(now));
                }
                case HUNG_UP -> {
                    audio.stop();
                    context.driver().callEnded(callId, Party.AGENT);
                    return Optional.empty();
                }
            }
        }
    }

    private void hold(Instant now) {
        if (heldSince != null) {
            return;
        }
        leg.relay(false);
        audio.music(queue.musicOnHold());
        heldSince = now;
        nextHoldAnnouncement = now.plus(queue.holdAnnounceFirst());
        context.driver().agentHold(callId);
        context.events().onEvent(new CallEvent.HeldByAgent(callId, now, connect.agent()));
    }

    private void resume(Instant now) {
        if (heldSince == null) {
            return;
        }
        audio.stop();
        leg.relay(true);
        heldSince = null;
        nextHoldAnnouncement = null;
        context.driver().agentResume(callId);
        context.events().onEvent(new CallEvent.ResumedByAgent(callId, now, connect.agent()));
    }

    /** Rule R7 on hold: hold.still-checking at each due slot, the next slot counted from the hold's start. */
    private void announceIfDue(Instant now) {
        if (heldSince == null || now.isBefore(nextHoldAnnouncement)) {
            return;
        }
        audio.announce(List.of(AcdPrompts.HOLD_STILL_CHECKING));
        context.events().onEvent(new CallEvent.HoldAnnounced(callId, now, connect.agent(), Duration.between(heldSince, now)));
        Instant next = heldSince.plus(queue.holdAnnounceFirst());
        while (!next.isAfter(now)) {
            next = next.plus(queue.holdAnnounceEvery());
        }
        nextHoldAnnouncement = next;
    }

    /** Rule R9: the agent's part ends, the caller hears the transfer phrase and waits in the target queue. */
    private Transfer transfer(Instant now) {
        String requested = leg.transferTarget().orElse("");
        String target = context.directory().transferQueue(requested, queue.queue());
        Optional<String> preferred = context.directory().transferAgent(requested)
                .filter(agent -> !agent.equals(connect.agent()));
        audio.stop();
        leg.hangup();
        context.driver().callEnded(callId, Party.AGENT);
        context.events().onEvent(new CallEvent.TransferredByAgent(callId, now, connect.agent(), requested, target));
        call.play(Announcement.of(language, AcdPrompts.TRANSFER_CONNECTING));
        return new Transfer(target, preferred);
    }

    /** Until the next hold announcement is due, or sooner while an announcement plays (to bring the music back). */
    private Duration nextTimeout() {
        Duration timeout = IDLE_WAIT;
        if (heldSince != null) {
            Duration untilAnnouncement = Duration.between(context.clock().instant(), nextHoldAnnouncement);
            timeout = untilAnnouncement.isNegative() ? Duration.ZERO : untilAnnouncement;
        }
        Optional<Duration> poll = audio.pollInterval();
        return poll.isPresent() && poll.get().compareTo(timeout) < 0 ? poll.get() : timeout;
    }
}
