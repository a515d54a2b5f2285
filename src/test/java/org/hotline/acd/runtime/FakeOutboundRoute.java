package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.hotline.call.AgentOffer;
import org.hotline.call.AgentOfferListener;
import org.hotline.call.Announcement;
import org.hotline.call.CallControl;
import org.hotline.call.CallInfo;
import org.hotline.call.EndReason;
import org.hotline.call.OutboundCall;
import org.hotline.call.OutboundRoute;
import org.hotline.call.Playback;
import org.hotline.call.PlaybackResult;
import org.hotline.call.QueueOutcome;
import org.hotline.call.QueueRequest;
import org.hotline.call.TransferOutcome;

/** A trunk for the callback tests: each prepared call dials to the next scripted result. Thread-safe. */
final class FakeOutboundRoute implements OutboundRoute {

    private final TestClock clock;
    private final Deque<OutboundCall.DialResult> results;
    private final List<Dialled> prepared = new ArrayList<>();

    FakeOutboundRoute(TestClock clock, OutboundCall.DialResult... results) {
        this.clock = clock;
        this.results = new ArrayDeque<>(List.of(results));
    }

    @Override
    public synchronized OutboundCall prepare(String callId, String number) {
        Dialled call = new Dialled(new FakeCallControl(callId + "#" + (prepared.size() + 1), clock), number,
                results.removeFirst());
        prepared.add(call);
        notifyAll();
        return call;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public TransferOutcome bridge(CallControl caller, String number) {
        return TransferOutcome.FAILED;
    }

    /** The {@code index}th call prepared (from 0), once it is (waits for it). */
    synchronized Dialled awaitCall(int index) {
        long deadline = System.nanoTime() + FakeCallControl.DEADLINE.toNanos();
        while (prepared.size() <= index) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no call " + index + " prepared; " + prepared.size() + " so far");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return prepared.get(index);
    }

    /** A customer's call: a {@link FakeCallControl} that dials to a scripted result. */
    static final class Dialled implements OutboundCall {

        final FakeCallControl call;
        private final String number;
        private final DialResult result;

        Dialled(FakeCallControl call, String number, DialResult result) {
            this.call = call;
            this.number = number;
            this.result = result;
        }

        @Override
        public DialResult dial() {
            call.record("dial " + number + " -> " + result);
            return result;
        }

        @Override
        public CallInfo info() {
            return call.info();
        }

        @Override
        public void answer() {
            call.answer();
        }

        @Override
        public PlaybackResult play(Announcement announcement) {
            return call.play(announcement);
        }

        @Override
        public Optional<Character> awaitDigit(Duration timeout) {
            return call.awaitDigit(timeout);
        }

        @Override
        public void clearDigits() {
            call.clearDigits();
        }

        @Override
        public QueueOutcome handToQueue(QueueRequest request) {
            return call.handToQueue(request);
        }

        @Override
        public TransferOutcome transfer(String targetUri) {
            return call.transfer(targetUri);
        }

        @Override
        public void hangup(EndReason reason) {
            call.hangup(reason);
        }

        @Override
        public Playback startPlayback(Announcement announcement, boolean loop) {
            return call.startPlayback(announcement, loop);
        }

        @Override
        public void whenHungUp(Runnable action) {
            call.whenHungUp(action);
        }

        @Override
        public AgentOffer offerAgent(String workNumber, AgentOfferListener listener) {
            return call.offerAgent(workNumber, listener);
        }
    }
}
