package org.hotline.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;

/**
 * A {@link CallControl} that plays a scripted caller against a {@link FakeClock}: each awaitDigit
 * takes the next scripted key at once, or, when a silence is scripted or the script is used up,
 * advances the clock by the whole timeout and returns empty. Plays take no time. Every operation
 * is recorded as one line, with the fake-clock offset from the start, for exact assertions.
 * clearDigits is recorded but does not drop scripted keys: they stand for keys pressed later.
 */
final class ScriptedCallControl implements CallControl {

    private final CallInfo info;
    private final FakeClock clock;
    private final Instant start;
    private final Deque<Optional<Character>> keys = new ArrayDeque<>();
    private final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    private QueueOutcome queueOutcome = QueueOutcome.SERVED;
    private TransferOutcome transferOutcome = TransferOutcome.TRANSFERRED;
    private Predicate<Announcement> hangUpWhen = announcement -> false;
    private Predicate<Announcement> failWhen = announcement -> false;
    private RuntimeException failure;
    private RuntimeException queueFailure;
    private boolean hungUp;
    private final CallEventListener listener;
    private boolean ended;

    ScriptedCallControl(String callId, FakeClock clock, CallEventListener listener) {
        this.listener = listener;
        this.clock = clock;
        this.start = clock.instant();
        this.info = new CallInfo(callId, "13800138000", "4008001234", CallInfo.Front.SIP, start);
    }

    /** The caller presses these keys, one per awaitDigit. */
    ScriptedCallControl press(String presses) {
        presses.chars().forEach(key -> keys.add(Optional.of((char) key)));
        return this;
    }

    /** The caller stays silent through one awaitDigit. */
    ScriptedCallControl silence() {
        keys.add(Optional.empty());
        return this;
    }

    ScriptedCallControl queueOutcome(QueueOutcome outcome) {
        this.queueOutcome = outcome;
        return this;
    }

    ScriptedCallControl transferOutcome(TransferOutcome outcome) {
        this.transferOutcome = outcome;
        return this;
    }

    /** The caller hangs up while an announcement containing {@code prompt} plays. */
    ScriptedCallControl hangUpDuring(String prompt) {
        hangUpWhen = announcement -> announcement.promptNames().contains(prompt);
        return this;
    }

    /** The front fails once with {@code error} while an announcement containing {@code prompt} plays. */
    ScriptedCallControl failDuring(String prompt, RuntimeException error) {
        failWhen = announcement -> announcement.promptNames().contains(prompt);
        failure = error;
        return this;
    }

    /** Every operation, in order, without times. */
    List<String> steps() {
        return List.copyOf(steps).stream().map(step -> step.substring(step.indexOf(' ') + 1)).toList();
    }

    /** Every operation prefixed by its fake-clock offset from the start, e.g. {@code @5s say ...}. */
    List<String> timedSteps() {
        return List.copyOf(steps);
    }

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public void answer() {
        ensureConnected();
        record("answer");
    }

    @Override
    public PlaybackResult play(Announcement announcement) {
        ensureConnected();
        record((announcement.bargeIn() ? "offer " : "say ") + announcement.language() + " "
                + String.join(" ", announcement.promptNames()));
        if (hangUpWhen.test(announcement)) {
            hungUp = true;
            throw new CallHungUpException(info.callId());
        }
        if (failWhen.test(announcement)) {
            failWhen = any -> false;
            throw failure;
        }
        return PlaybackResult.COMPLETED;
    }

    @Override
    public Optional<Character> awaitDigit(Duration timeout) {
        ensureConnected();
        Optional<Character> key = keys.isEmpty() ? Optional.empty() : keys.poll();
        if (key.isEmpty()) {
            clock.advance(timeout);
        }
        record("await " + timeout.toMillis() + "ms -> " + key.map(String::valueOf).orElse("nothing"));
        return key;
    }

    @Override
    public void clearDigits() {
        record("clear");
    }

    /** The ACD cannot take the call: handToQueue throws {@code error} (rule R20's degraded mode). */
    ScriptedCallControl queueFails(RuntimeException error) {
        this.queueFailure = error;
        return this;
    }

    @Override
    public QueueOutcome handToQueue(QueueRequest request) {
        ensureConnected();
        if (queueFailure != null) {
            record("queue " + request.queue() + " -> " + queueFailure.getMessage());
            throw queueFailure;
        }
        record("queue " + request.queue() + " " + request.language() + " " + request.menuPath() + " -> " + queueOutcome);
        if (queueOutcome == QueueOutcome.ABANDONED) {
            hungUp = true;
        }
        return queueOutcome;
    }

    @Override
    public TransferOutcome transfer(String targetUri) {
        ensureConnected();
        record("transfer " + targetUri + " -> " + transferOutcome);
        return transferOutcome;
    }

    @Override
    public void hangup(EndReason reason) {
        record("hangup " + reason);
        if (!ended) {
            // like a real front: exactly one Ended per call, reported by the front
            ended = true;
            listener.onEvent(new CallEvent.Ended(info.callId(), clock.instant(), reason));
        }
    }

    /** The flow's queue is {@link #handToQueue}'s script; the ACD's operations are not scripted here. */
    @Override
    public Playback startPlayback(Announcement announcement, boolean loop) {
        throw new UnsupportedOperationException("the call flow does not play in the background");
    }

    @Override
    public void whenHungUp(Runnable action) {
        throw new UnsupportedOperationException("the call flow does not watch for hang-up");
    }

    @Override
    public AgentOffer offerAgent(String workNumber, AgentOfferListener listener) {
        throw new UnsupportedOperationException("the call flow does not offer agents");
    }

    private void ensureConnected() {
        if (hungUp) {
            record("(hung up)");
            throw new CallHungUpException(info.callId());
        }
    }

    private void record(String step) {
        steps.add("@" + Duration.between(start, clock.instant()).toSeconds() + "s " + step);
    }
}
