package org.hotline.agi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.call.AgentLeg;
import org.hotline.call.Announcement;
import org.hotline.call.CallHungUpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answered agent of an AGI call: the agent's channel sits in its own {@code AGI(.../agent)}
 * session (where the whisper plays) until the caller's session runs {@code EXEC Bridge
 * <channel id>,x} (app_bridge: the caller is bridged with that channel, which is taken from its
 * AGI; {@code x}: the agent is hung up if the caller leaves first). The Bridge's reply ends the
 * conversation: while the caller is still there, the agent has hung up. Recording (rule R14) is
 * {@code MixMonitor <file>,b} on the caller's channel, started just before the Bridge: both legs,
 * mixed, only while bridged. Holds come from AMI (Hold/Unhold of the agent's channel); Asterisk
 * plays the caller its hold music ({@code CHANNEL(musicclass)}, set to {@code agi.holdMusicClass}).
 * Blind transfer by the agent is not offered behind Asterisk (see ARCHITECTURE.md).
 * <pre>
 *   ANSWERED ── relay(true): Bridge ──► BRIDGED ──► ENDED (Bridge replied, or hangup())
 *      └── agent hangs up before the Bridge, or hangup() ─────► ENDED
 * </pre>
 * Threading: the caller's virtual thread drives it; events arrive from the AGI event loops and the
 * AMI event thread into a locked queue, read by {@link #awaitEvent}.
 */
final class AgiAgentLeg implements AgentLeg {

    private static final Logger log = LoggerFactory.getLogger(AgiAgentLeg.class);

    private enum State { ANSWERED, BRIDGED, ENDED }

    private final AgiCall caller;
    private final AgiAgentOffer offer;
    private final AgiExchange agent;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<LegEvent> events = new ArrayDeque<>();
    private State state = State.ANSWERED;
    private boolean callerGone;

    AgiAgentLeg(AgiCall caller, AgiAgentOffer offer, AgiSession agentSession) {
        this.caller = caller;
        this.offer = offer;
        this.agent = new AgiExchange(agentSession);
        agentSession.hungUp().thenRun(() -> {
            onAgentSessionGone();
            agentSession.close(); // a dead channel's AGI waits for the script to close (res_agi.c run_agi)
        });
        caller.whenHungUp(this::onCallerGone);
    }

    @Override
    public String workNumber() {
        return offer.workNumber();
    }

    /** The agent channel's name ({@code agi_channel} of its session). */
    String channel() {
        return agent.session().request().getChannel();
    }

    @Override
    public void relay(boolean on) {
        if (on && moveTo(State.ANSWERED, State.BRIDGED)) {
            bridge();
        }
        // off (the agent's hold): the bridge stays; Asterisk plays the caller hold music itself
    }

    @Override
    public void whisper(Announcement announcement) {
        if (state() != State.ANSWERED) {
            return;
        }
        AgiCallContext ctx = caller.context();
        try {
            for (String prompt : announcement.promptNames()) {
                agent.executeForResult(new StreamFileCommand(ctx.prompts().path(prompt, announcement.language()), ""));
            }
        } catch (CallHungUpException e) {
            log.atInfo().addKeyValue("callId", caller.info().callId()).addKeyValue("agent", workNumber())
                    .log("agent hung up during the whisper");
        } catch (AgiCommandException e) {
            log.atWarn().addKeyValue("callId", caller.info().callId()).setCause(e).log("whisper failed; connecting anyway");
        }
    }

    @Override
    public LegEvent awaitEvent(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (events.isEmpty() && !callerGone) {
                if (nanos <= 0) {
                    return LegEvent.TIMEOUT;
                }
                nanos = changed.awaitNanos(nanos);
            }
            if (callerGone) {
                throw new CallHungUpException(caller.info().callId());
            }
            return events.removeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting on the agent leg of " + caller.info().callId(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<String> transferTarget() {
        return Optional.empty();
    }

    @Override
    public void hangup() {
        State was = stateAndEnd();
        if (was == State.ENDED) {
            return;
        }
        offer.ended();
        hangUpAgent(was);
    }

    /** Before the Bridge the agent's own session hangs the channel up; after it, AMI does (the session is gone). */
    private void hangUpAgent(State was) {
        if (was == State.ANSWERED && !agent.session().closed().isDone()) {
            agent.session().send(new HangupCommand()).whenComplete((reply, failure) -> agent.session().close());
        } else {
            caller.context().asterisk().hangup(offer.channelId());
        }
    }

    // --- the bridge, on the caller's session ---

    private void bridge() {
        AgiCallContext ctx = caller.context();
        caller.background().bridged(true);
        caller.sendQuietly(new SetVariableCommand("CHANNEL(musicclass)", ctx.config().holdMusicClass()));
        Optional<AgiRecordingListener.Recording> recording = startRecording(ctx);
        CompletableFuture<AgiReply> bridged = caller.session().send(
                new ExecCommand("Bridge", AppArgs.escape(offer.channelId()), "x"));
        log.atInfo().addKeyValue("callId", caller.info().callId()).addKeyValue("agent", workNumber())
                .log("bridging caller and agent");
        bridged.whenComplete((reply, failure) -> bridgeEnded(recording,
                failure == null && reply.getStatus() == AgiReply.SC_SUCCESS && reply.getResultCode() >= 0));
    }

    private Optional<AgiRecordingListener.Recording> startRecording(AgiCallContext ctx) {
        if (!ctx.config().recording()) {
            return Optional.empty();
        }
        String file = ctx.config().recordingDirectory() + "/" + caller.info().callId() + "-" + workNumber() + ".wav";
        caller.sendQuietly(new ExecCommand("MixMonitor", AppArgs.escape(file), "b"));
        AgiRecordingListener.Recording recording = new AgiRecordingListener.Recording(caller.info().callId(),
                workNumber(), caller.queue(), file, ctx.clock().instant(), null);
        ctx.recordings().recordingStarted(recording);
        return Optional.of(recording);
    }

    /**
     * The Bridge replied (or the caller's session closed): the conversation is over. A reply of 0
     * leaves the caller in the call (the agent hung up); -1 (pbx_exec's hang-up), 511 or a closed
     * session mean the caller is gone, even before the HANGUP notice that follows.
     */
    private void bridgeEnded(Optional<AgiRecordingListener.Recording> recording, boolean callerStayed) {
        caller.background().bridged(false);
        boolean callerThere = callerStayed && !caller.session().isHungUp() && !caller.isEnded();
        if (callerThere && recording.isPresent()) {
            caller.sendQuietly(new ExecCommand("StopMixMonitor"));
        }
        Instant now = caller.context().clock().instant();
        recording.ifPresent(r -> caller.context().recordings().recordingFinished(r.finished(now)));
        if (stateAndEnd() != State.ENDED) {
            offer.ended();
            if (callerThere) {
                post(LegEvent.HUNG_UP);
            } else {
                hangUpAgent(State.BRIDGED); // Bridge's x hangs the agent up once bridged; this covers a caller gone before
            }
        }
    }

    // --- events ---

    private void onAgentSessionGone() {
        if (state() == State.ANSWERED) { // after the Bridge took the channel, its session ends by design
            stateAndEnd();
            offer.ended();
            post(LegEvent.HUNG_UP);
        }
    }

    void onHold(boolean held) {
        if (state() == State.BRIDGED) {
            post(held ? LegEvent.HELD : LegEvent.RESUMED);
        }
    }

    private void onCallerGone() {
        lock.lock();
        try {
            callerGone = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void post(LegEvent event) {
        lock.lock();
        try {
            events.addLast(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    private boolean moveTo(State from, State to) {
        lock.lock();
        try {
            if (state != from) {
                return false;
            }
            state = to;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the leg; the state it was in. */
    private State stateAndEnd() {
        lock.lock();
        try {
            State was = state;
            state = State.ENDED;
            return was;
        } finally {
            lock.unlock();
        }
    }
}
