package org.hotline.agi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.call.AgentOffer;
import org.hotline.call.AgentOfferListener;
import org.hotline.call.Announcement;
import org.hotline.call.CallControl;
import org.hotline.call.CallHungUpException;
import org.hotline.call.CallInfo;
import org.hotline.call.EndReason;
import org.hotline.call.Playback;
import org.hotline.call.PlaybackResult;
import org.hotline.call.QueueOutcome;
import org.hotline.call.QueueRequest;
import org.hotline.call.RecordedMessage;
import org.hotline.call.TransferOutcome;
import org.hotline.config.AgiConfig;
import org.hotline.event.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller Asterisk handed to Hotline with {@code AGI(agi://hotline:4573/hotline)}, seen by the call
 * flow as a {@link CallControl}: answer is {@code ANSWER}; play is {@code STREAM FILE} per prompt,
 * with every key as an escape digit when the caller may barge in; a digit is {@code WAIT FOR DIGIT};
 * the queue's music is {@code SET MUSIC ON <class>} and its announcements {@code CONTROL STREAM FILE}
 * (both leave the session free; see {@link CallerBackground}); an agent is rung by an AMI Originate
 * ({@link AgentOffers}) and bridged with {@code EXEC Bridge} ({@link AgiAgentLeg}); hang-up is
 * {@code HANGUP}; a caller's message is {@code RECORD FILE} ({@link AgiMessageRecorder}). Lifecycle in
 * {@link AgiCallState}; exactly one {@link CallEvent.Ended}.
 *
 * <p>Threading: the blocking {@link CallControl} methods run on the call's virtual thread; the
 * non-blocking ones also on the ACD's; the end of the call may come from the session's event loop.
 * State is guarded by {@code lock}; no I/O under it. Digits are the call thread's alone.
 */
public final class AgiCall implements CallControl {

    static final String ALL_KEYS = "0123456789*#";
    /** An after-hours transfer rings the on-call line this long (rule R19). */
    static final Duration TRANSFER_RING = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(AgiCall.class);

    private final AgiCallContext ctx;
    private final AgiExchange agi;
    private final CallInfo info;
    private final CallerBackground background;
    private final Deque<Character> digits = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Runnable> hangUpNotices = new ArrayList<>();
    private AgiCallState state = AgiCallState.CONNECTED;
    private volatile String queue;

    AgiCall(AgiCallContext ctx, AgiSession session) {
        this.ctx = ctx;
        this.agi = new AgiExchange(session);
        this.info = callInfo(session.request(), ctx.clock().instant());
        this.background = new CallerBackground(ctx, session);
    }

    private static CallInfo callInfo(AgiRequest request, Instant at) {
        String caller = Optional.ofNullable(request.getCallerIdNumber()).orElse("unknown");
        String dialled = Optional.ofNullable(request.getDnid()).orElse(Optional.ofNullable(request.getExtension()).orElse("unknown"));
        return new CallInfo(request.getUniqueId(), caller, dialled, CallInfo.Front.AGI, at);
    }

    /** The session is open: emits Offered and watches for the hang-up. Called once, before the flow starts. */
    void start() {
        ctx.events().onEvent(new CallEvent.Offered(info.callId(), info.arrivedAt(), info.caller(), info.dialledNumber(),
                info.front().name()));
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("channel", channel())
                .addKeyValue("caller", info.caller()).addKeyValue("dialled", info.dialledNumber()).log("AGI call offered");
        session().hungUp().thenAccept(cause -> {
            EndReason reason = cause == AgiSession.HangupCause.CONNECTION_CLOSED ? EndReason.FAILURE : EndReason.CALLER_HANGUP;
            if (end(reason) && cause == AgiSession.HangupCause.CONNECTION_CLOSED) {
                log.atWarn().addKeyValue("callId", info.callId()).log("AGI connection closed without a hang-up notice");
            }
            session().close(); // Asterisk finishes the dead channel's dialplan
        });
    }

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public void answer() {
        agi.executeForResult(new AnswerCommand());
        if (transition(AgiCallState.CONNECTED, AgiCallState.ANSWERED)) {
            ctx.events().onEvent(new CallEvent.Answered(info.callId(), ctx.clock().instant()));
        }
    }

    @Override
    public PlaybackResult play(Announcement announcement) {
        ensureLive();
        if (announcement.bargeIn() && !digits.isEmpty()) {
            return PlaybackResult.INTERRUPTED_BY_DIGIT;
        }
        String escape = announcement.bargeIn() ? ALL_KEYS : "";
        for (String prompt : announcement.promptNames()) {
            int result = agi.executeForResult(new StreamFileCommand(ctx.prompts().path(prompt, announcement.language()), escape));
            if (result > 0) {
                digits.addLast((char) result);
                return PlaybackResult.INTERRUPTED_BY_DIGIT;
            }
        }
        return PlaybackResult.COMPLETED;
    }

    @Override
    public Optional<Character> awaitDigit(Duration timeout) {
        ensureLive();
        if (!digits.isEmpty()) {
            return Optional.of(digits.removeFirst());
        }
        if (!timeout.isPositive()) {
            return Optional.empty();
        }
        int result = agi.executeForResult(new WaitForDigitCommand(Math.max(1, timeout.toMillis())));
        return result == 0 ? Optional.empty() : Optional.of((char) result);
    }

    @Override
    public void clearDigits() {
        digits.clear();
    }

    @Override
    public QueueOutcome handToQueue(QueueRequest request) {
        ensureLive();
        queue = request.queue();
        return ctx.queues().enqueue(this, request);
    }

    /** Rule R19's on-call line: Dial through the trunk; TRANSFERRED when the on-call line answered. */
    @Override
    public TransferOutcome transfer(String targetUri) {
        return dial(ctx.config().transferDialString().replace(AgiConfig.URI, targetUri), targetUri);
    }

    /**
     * Rule R19's on-call line as a number ({@code tel:}): Dial through Asterisk's trunk with
     * {@code agi.outboundDial}; TRANSFERRED once the answered call is over, FAILED if it was not answered
     * (the caller is still here then). Asterisk's trunk, not Hotline's, places it ({@link AsteriskTrunk}).
     */
    TransferOutcome dialOut(String number) {
        return dial(ctx.config().outboundDial().replace(AgiConfig.NUMBER, number), "tel:" + number);
    }

    private TransferOutcome dial(String dialString, String target) {
        ensureLive();
        agi.execute(new ExecCommand("Dial", AppArgs.escape(dialString), String.valueOf(TRANSFER_RING.toSeconds())));
        ensureLive(); // Dial's result=-1 with a HANGUP notice: the caller left while it rang
        AgiReply status = agi.execute(new GetVariableCommand("DIALSTATUS"));
        boolean answered = "ANSWER".equals(status.getExtra());
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("target", target)
                .addKeyValue("dialStatus", status.getExtra()).log("after-hours transfer dialled");
        return answered ? TransferOutcome.TRANSFERRED : TransferOutcome.FAILED;
    }

    /** Asterisk records messages itself ({@code RECORD FILE}); Hotline never sees the caller's audio. */
    @Override
    public boolean recordsMessagesItself() {
        return true;
    }

    /** {@code RECORD FILE} into {@code agi.messageDirectory} ({@link AgiMessageRecorder}; rules R9, R19, R20). */
    @Override
    public RecordedMessage recordMessage(String messageId, Duration maxLength, Duration silence) {
        ensureLive();
        RecordedMessage message = AgiMessageRecorder.record(agi, ctx.config().messageDirectory(), messageId, maxLength,
                silence);
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("messageId", messageId)
                .addKeyValue("endedBy", message.endedBy()).addKeyValue("lengthMs", message.length().toMillis())
                .log("Asterisk recorded a message");
        return message;
    }

    @Override
    public void hangup(EndReason reason) {
        if (!end(reason)) {
            return;
        }
        session().send(new HangupCommand()).whenComplete((reply, failure) -> session().close());
    }

    @Override
    public Playback startPlayback(Announcement announcement, boolean loop) {
        if (isEnded()) {
            return CallerBackground.FINISHED;
        }
        return loop ? background.music(announcement) : background.announce(announcement);
    }

    @Override
    public void whenHungUp(Runnable action) {
        lock.lock();
        try {
            if (state != AgiCallState.ENDED) {
                hangUpNotices.add(action);
                return;
            }
        } finally {
            lock.unlock();
        }
        action.run();
    }

    @Override
    public AgentOffer offerAgent(String workNumber, AgentOfferListener listener) {
        return ctx.offers().offer(this, workNumber, listener);
    }

    // --- for the agent leg, the offers and the background audio ---

    AgiSession session() {
        return agi.session();
    }

    AgiCallContext context() {
        return ctx;
    }

    /** Asterisk's channel name ({@code agi_channel}), for AMI actions on it. */
    String channel() {
        return session().request().getChannel();
    }

    String queue() {
        return queue;
    }

    /** Sends without waiting (the reply is logged if it is not a success). */
    void sendQuietly(AgiCommand command) {
        session().send(command).whenComplete((reply, failure) -> {
            if (failure == null && reply.getStatus() != AgiReply.SC_SUCCESS) {
                log.atWarn().addKeyValue("callId", info.callId()).addKeyValue("command", command.buildCommand())
                        .addKeyValue("reply", reply.getFirstLine()).log("AGI command refused");
            }
        });
    }

    CallerBackground background() {
        return background;
    }

    boolean isEnded() {
        lock.lock();
        try {
            return state == AgiCallState.ENDED;
        } finally {
            lock.unlock();
        }
    }

    void ensureLive() {
        if (isEnded() || session().isHungUp()) {
            throw new CallHungUpException(info.callId());
        }
    }

    // --- state ---

    private boolean transition(AgiCallState from, AgiCallState to) {
        lock.lock();
        try {
            if (state != from) {
                return false;
            }
            state = state.to(to);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the call once: emits Ended and runs the hang-up notices. False if it had ended. */
    private boolean end(EndReason reason) {
        List<Runnable> notices;
        lock.lock();
        try {
            if (state == AgiCallState.ENDED) {
                return false;
            }
            state = state.to(AgiCallState.ENDED);
            notices = List.copyOf(hangUpNotices);
            hangUpNotices.clear();
        } finally {
            lock.unlock();
        }
        background.close();
        for (Runnable notice : notices) {
            try {
                notice.run();
            } catch (RuntimeException e) {
                log.atError().addKeyValue("callId", info.callId()).setCause(e).log("hang-up notice failed");
            }
        }
        ctx.events().onEvent(new CallEvent.Ended(info.callId(), ctx.clock().instant(), reason));
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("reason", reason).log("AGI call ended");
        return true;
    }
}
