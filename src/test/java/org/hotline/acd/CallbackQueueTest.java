package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.acd.AcdEvent.CallerAbandoned;
import org.hotline.acd.AcdEvent.CallerNotServed;
import org.hotline.acd.AcdEvent.Party;
import org.hotline.acd.RecordingFront.CancelOffers;
import org.hotline.acd.RecordingFront.Offer;
import org.hotline.acd.RecordingFront.OfferCallback;
import org.junit.jupiter.api.Test;

/**
 * Rule R12's queued callbacks in the engine, on a fake clock: when a callback is offered, the
 * callback keeping the caller's place, its initial delay, merging requests for one number, and
 * retries after the minimum interval up to the maximum attempts.
 */
class CallbackQueueTest {

    private static final String SALES = "sales";
    private static final Duration CALLBACK_AFTER = Duration.ofSeconds(60);
    private static final Duration INITIAL_DELAY = Duration.ofSeconds(30);
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(2);
    private static final CallbackPolicy POLICY = new CallbackPolicy(INITIAL_DELAY, 3, MIN_INTERVAL);
    private static final String NUMBER = "13800138000";

    @Test
    void offersACallbackOnceTheWaitReachesTheQueuesThreshold() {
        TestAcd acd = acd();
        acd.engine.callerJoined("c1", SALES, 0);

        acd.clock.advance(CALLBACK_AFTER.minusMillis(1));
        acd.engine.tick();
        assertEquals(List.of(), offersOfCallbacks(acd));
        assertEquals(acd.now().plusMillis(1), acd.engine.nextDeadline().orElseThrow());

        acd.clock.advance(Duration.ofMillis(1));
        acd.engine.tick();
        assertEquals(List.of(new OfferCallback("c1", Optional.empty())), offersOfCallbacks(acd));

        acd.clock.advance(CALLBACK_AFTER);
        acd.engine.tick();
        assertEquals(List.of(), offersOfCallbacks(acd), "offered once per stay");
    }

    @Test
    void offersAtOnceWhenTheExpectedWaitAlreadyReachesTheThreshold() {
        TestAcd acd = acd();
        acd.loggedIn("1001");
        for (String call : List.of("h1", "h2", "h3")) {
            serve(acd, call, "1001", Duration.ofMinutes(2));
        }
        acd.engine.notReady("1001", "meeting");
        acd.engine.callerJoined("c1", SALES, 0);

        assertEquals(List.of(), offersOfCallbacks(acd), "no agent available: no estimate, no early offer");
        acd.engine.available("1001");
        acd.engine.callerJoined("busy", SALES, 0);
        acd.front.clear();
        acd.engine.callerJoined("c2", SALES, 0);

        List<RecordingFront.Action> offers = offersOfCallbacks(acd);
        assertEquals(1, offers.size(), offers.toString());
        OfferCallback offer = (OfferCallback) offers.getFirst();
        assertEquals("c2", offer.callId());
        assertTrue(offer.expectedWait().orElseThrow().compareTo(CALLBACK_AFTER) >= 0, offer.toString());
    }

    @Test
    void theCallbackKeepsTheCallersPlaceAndWaitsForItsInitialDelay() {
        TestAcd acd = acd();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(1);
        acd.engine.callerJoined("c2", SALES, 0);

        CallbackTicket ticket = acd.engine.callbackRequested("c1", NUMBER).orElseThrow();
        acd.engine.login("1001");

        assertEquals(new CallbackTicket("callback-c1", false, Duration.ofSeconds(1)), ticket);
        assertEquals(1, acd.engine.position("callback-c1").orElseThrow());
        assertEquals(2, acd.engine.position("c2").orElseThrow());
        assertEquals(List.of(new Offer("c2", SALES, List.of("1001"))), offers(acd),
                "the callback is not due yet: the next caller is served meanwhile");
        finishCall(acd, "c2", "1001");

        acd.clock.advance(INITIAL_DELAY.minusSeconds(16)); // asked at 1 s, the agent's call and wrap-up took 15 s
        acd.engine.tick();
        assertEquals(List.of(), offers(acd));
        acd.clock.advanceSeconds(1);
        acd.engine.tick();
        assertEquals(List.of(new Offer("callback-c1", SALES, List.of("1001"))), offers(acd));
    }

    @Test
    void aCallbackIsServedBeforeCallersWhoCameAfterTheCaller() {
        TestAcd acd = acd();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(1);
        acd.engine.callbackRequested("c1", NUMBER);
        acd.clock.advance(INITIAL_DELAY);
        acd.engine.callerJoined("c2", SALES, 0);

        acd.engine.login("1001");

        assertEquals(List.of(new Offer("callback-c1", SALES, List.of("1001"))), offers(acd));
    }

    @Test
    void aSecondRequestForTheSameNumberIsMergedAndTheBetterPlaceKept() {
        TestAcd acd = acd();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(1);
        acd.engine.callerJoined("vip", SALES, 5);
        acd.engine.callbackRequested("c1", NUMBER);

        CallbackTicket merged = acd.engine.callbackRequested("vip", NUMBER).orElseThrow();

        assertEquals(new CallbackTicket("callback-c1", true, Duration.ZERO), merged);
        assertEquals(List.of("callback-c1"), waiting(acd));
        assertEquals(5, acd.engine.queues().getFirst().waiting().getFirst().priority(), "the better place is kept");
    }

    @Test
    void aRingingCallerWhoAsksForACallbackHasTheOfferWithdrawn() {
        TestAcd acd = acd();
        acd.loggedIn("1001");
        acd.engine.callerJoined("c1", SALES, 0);
        acd.front.clear();

        acd.engine.callbackRequested("c1", NUMBER);

        assertEquals(List.of(new CancelOffers("c1", List.of("1001"))), acd.front.takeActions());
        assertEquals(AgentState.IDLE, acd.agent("1001").state());
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheMinimumIntervalUntilTheAttemptsAreUsed() {
        TestAcd acd = acd();
        acd.loggedIn("1001");
        acd.engine.callerJoined("c1", SALES, 0);
        acd.engine.callbackRequested("c1", NUMBER);
        acd.front.clear();

        for (int attempt = 1; attempt <= 3; attempt++) {
            acd.clock.advance(attempt == 1 ? INITIAL_DELAY : MIN_INTERVAL);
            acd.engine.tick();
            assertEquals(List.of(new Offer("callback-c1", SALES, List.of("1001"))), offers(acd), "attempt " + attempt);
            acd.engine.offerAnswered("callback-c1", "1001");
            CallbackVerdict verdict = acd.engine.callbackAttemptFailed("callback-c1");
            assertEquals(attempt < 3 ? CallbackVerdict.RETRY : CallbackVerdict.GAVE_UP, verdict);
            acd.clock.advance(Duration.ofSeconds(15)); // the agent's wrap-up
            acd.engine.tick();
            acd.clock.advance(MIN_INTERVAL.minusSeconds(16));
            acd.engine.tick();
            assertEquals(List.of(), offers(acd), "not before the minimum interval");
            acd.clock.advanceSeconds(1);
        }
        assertEquals(List.of(), waiting(acd));
    }

    @Test
    void aCallbackIsNeitherAnAbandonNorFailedByTheMaximumWait() {
        TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).callbackAfter(CALLBACK_AFTER)
                        .maxWait(Duration.ofMinutes(1), MaxWaitAction.fail()).build())
                .agent("1001", SALES).callbacks(POLICY).build();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.engine.callbackRequested("c1", NUMBER);

        acd.clock.advance(Duration.ofHours(1));
        acd.engine.tick();

        List<AcdEvent> events = acd.front.takeEvents();
        assertTrue(events.stream().noneMatch(e -> e instanceof CallerAbandoned || e instanceof CallerNotServed), events.toString());
        assertEquals(List.of("callback-c1"), waiting(acd));
    }

    @Test
    void aCallerAlreadyTakenByAnAgentGetsNoCallback() {
        TestAcd acd = acd();
        acd.loggedIn("1001");
        acd.engine.callerJoined("c1", SALES, 0);
        acd.engine.offerAnswered("c1", "1001");

        assertEquals(Optional.empty(), acd.engine.callbackRequested("c1", NUMBER));
    }

    @Test
    void aFinishedCallbackIsForgottenSoTheNumberMayAskAgain() {
        TestAcd acd = acd();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.engine.callbackRequested("c1", NUMBER);
        acd.engine.callbackFinished("callback-c1");
        acd.engine.callerJoined("c2", SALES, 0);

        assertEquals(new CallbackTicket("callback-c2", false, Duration.ZERO), acd.engine.callbackRequested("c2", NUMBER).orElseThrow());
    }

    private static TestAcd acd() {
        return TestAcd.with(QueuePolicy.builder(SALES).callbackAfter(CALLBACK_AFTER).wrapUp(Duration.ofSeconds(15)).build())
                .agent("1001", SALES).callbacks(POLICY).build();
    }

    private static void serve(TestAcd acd, String callId, String agent, Duration talk) {
        acd.engine.callerJoined(callId, SALES, 0);
        acd.engine.offerAnswered(callId, agent);
        acd.clock.advance(talk);
        acd.engine.callEnded(callId, Party.AGENT);
        acd.clock.advance(Duration.ofSeconds(15));
        acd.engine.tick();
    }

    private static void finishCall(TestAcd acd, String callId, String agent) {
        acd.engine.offerAnswered(callId, agent);
        acd.engine.callEnded(callId, Party.AGENT);
        acd.clock.advance(Duration.ofSeconds(15));
        acd.engine.tick();
    }

    private static List<RecordingFront.Action> offersOfCallbacks(TestAcd acd) {
        return acd.front.takeActions().stream().filter(OfferCallback.class::isInstance).toList();
    }

    private static List<RecordingFront.Action> offers(TestAcd acd) {
        return acd.front.takeActions().stream().filter(Offer.class::isInstance).toList();
    }

    private static List<String> waiting(TestAcd acd) {
        return acd.engine.queues().getFirst().waiting().stream().map(QueueInfo.Waiting::callId).toList();
    }
}
