package org.hotline.sip;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.hotline.call.AgentLeg;
import org.hotline.call.Announcement;
import org.hotline.call.CallHungUpException;
import org.hotline.media.BridgeListener;
import org.hotline.media.MediaSession;
import org.hotline.prompt.Prompts;

/**
 * The answered agent leg as the ACD drives it from the caller's virtual thread ({@link AgentLeg}):
 * the relay between the caller's and the agent's media sessions, the whisper, the leg's events.
 * Its {@link AgentCall} feeds it from stack threads: the agent's hold and resume (agent-to-caller
 * relaying stops while held, rule R7's hold music plays instead, issue 3 item 6), the transfer
 * request, the end. Relay flags are guarded by {@code lock}; no media call is made while holding it.
 * The {@link BridgeListener} hears of the bridge from the {@link AgentCall} when the leg is
 * confirmed, and of its end from {@link #ended}.
 */
final class BridgedLeg implements AgentLeg {

    private static final Duration UNTIL_DONE = Duration.ofDays(1);

    private final AgentCall call;
    private final CallerSide caller;
    private final MediaSession agentSide;
    private final Prompts prompts;
    private final LegEvents events;
    private final BridgeListener bridges;
    private final CompletableFuture<Void> over = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private boolean live = true;
    private boolean relaying;
    private boolean held;

    BridgedLeg(AgentCall call, CallerSide caller, MediaSession agentSide, Prompts prompts, BridgeListener bridges) {
        this.call = call;
        this.caller = caller;
        this.agentSide = agentSide;
        this.prompts = prompts;
        this.events = new LegEvents(caller.callId());
        this.bridges = bridges;
    }

    @Override
    public String workNumber() {
        return call.workNumber();
    }

    /** Both ways; while the agent holds, agent-to-caller stays off until RESUMED. */
    @Override
    public void relay(boolean on) {
        boolean isHeld;
        lock.lock();
        try {
            if (!live) {
                return;
            }
            relaying = on;
            isHeld = held;
        } finally {
            lock.unlock();
        }
        MediaSession callerSide = caller.mediaSession();
        agentSide.relayFrom(on ? callerSide : null);
        callerSide.relayFrom(on && !isHeld ? agentSide : null);
    }

    /** Returns once played, or once the leg ended. */
    @Override
    public void whisper(Announcement announcement) {
        ensureCallerLive();
        if (over.isDone()) {
            return;
        }
        CompletableFuture<Void> played = agentSide.play(announcement.promptNames().stream()
                .map(name -> prompts.clip(name, announcement.language())).toList());
        try {
            Waits.await(CompletableFuture.anyOf(played, over, caller.ended()), UNTIL_DONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while whispering to agent leg " + call.callId(), e);
        }
        if (caller.isEnded()) {
            agentSide.stopPlayback();
        }
        ensureCallerLive();
    }

    @Override
    public LegEvent awaitEvent(Duration timeout) {
        return events.await(timeout);
    }

    @Override
    public Optional<String> transferTarget() {
        return call.transferTarget();
    }

    @Override
    public void hangup() {
        call.hangup();
    }

    @Override
    public CompletableFuture<Void> over() {
        return over;
    }

    // ---- from the AgentCall, on stack threads (never block)

    /** The agent's re-INVITE changed whether it receives our audio (RFC 3264 §8.4). */
    void holdChanged(boolean agentReceives) {
        boolean relayOn;
        lock.lock();
        try {
            if (!live || held == !agentReceives) {
                return;
            }
            held = !agentReceives;
            relayOn = relaying;
        } finally {
            lock.unlock();
        }
        if (relayOn) {
            caller.mediaSession().relayFrom(agentReceives ? agentSide : null);
        }
        events.add(agentReceives ? LegEvent.RESUMED : LegEvent.HELD);
    }

    void transferRequested() {
        events.add(LegEvent.TRANSFER_REQUESTED);
    }

    void agentHungUp() {
        events.add(LegEvent.HUNG_UP);
        ended();
    }

    void callerGone() {
        events.callerGone();
        call.hangup();
    }

    /** Relays stopped, agent media closed (its ports returned), waiters woken. Idempotent. */
    void ended() {
        boolean relayed;
        lock.lock();
        try {
            if (!live) {
                return;
            }
            live = false;
            relayed = relaying;
            relaying = false;
        } finally {
            lock.unlock();
        }
        if (relayed) {
            caller.mediaSession().relayFrom(null);
        }
        agentSide.relayFrom(null);
        bridges.unbridged(caller.callId(), agentSide);
        agentSide.close();
        events.legEnded();
        over.complete(null);
    }

    private void ensureCallerLive() {
        if (caller.isEnded()) {
            throw new CallHungUpException(caller.callId());
        }
    }
}
