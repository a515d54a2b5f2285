package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.acd.RecordingFront.Offer;
import org.junit.jupiter.api.Test;

/**
 * Rule R12's callbacks across a restart, in the engine on a fake clock: every change goes to the
 * {@link CallbackLedger}, and what an earlier run left pending goes back in its place in line, with
 * its attempts and next-attempt time; a callback whose queue is gone, or whose number already
 * waits, is handled without losing anyone.
 */
class CallbackRestoreTest {

    private static final String SALES = "sales";
    private static final Duration INITIAL_DELAY = Duration.ofSeconds(30);
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(2);
    private static final CallbackPolicy POLICY = new CallbackPolicy(INITIAL_DELAY, 3, MIN_INTERVAL);
    private static final String NUMBER = "13800138000";

    @Test
    void everyChangeOfACallbackGoesToTheLedger() {
        TestAcd acd = acd();
        Instant start = acd.now();
        acd.engine.callerJoined("c1", SALES, 0);
        acd.clock.advanceSeconds(10);
        acd.engine.callerJoined("c2", SALES, 0);
        acd.engine.callbackRequested("c1", NUMBER, "en");
        acd.engine.callbackRequested("c2", NUMBER, "zh");
        acd.loggedIn("1001");
        acd.clock.advance(INITIAL_DELAY);
        acd.engine.tick();
        acd.engine.offerAnswered("callback-c1", "1001");
        acd.engine.callbackAttemptFailed("callback-c1");
        Instant failedAt = acd.now();

        List<CallbackEntry> ledger = acd.ledger;
        assertEquals(3, ledger.size(), ledger.toString());
        CallbackEntry requested = ledger.get(0);
        assertEquals(new CallbackEntry("callback-c1", "c1", SALES, NUMBER, "en", 0, start, start.plusSeconds(10), 0,
                start.plusSeconds(10).plus(INITIAL_DELAY), CallbackStatus.PENDING, null, start.plusSeconds(10)), requested);
        CallbackEntry merged = ledger.get(1);
        assertEquals(CallbackStatus.MERGED, merged.status());
        assertEquals("callback-c2", merged.callbackId());
        assertEquals("callback-c1", merged.mergedInto());
        CallbackEntry retry = ledger.get(2);
        assertEquals(CallbackStatus.PENDING, retry.status());
        assertEquals(1, retry.attempts());
        assertEquals(failedAt.plus(MIN_INTERVAL), retry.nextAttemptAt());
        assertEquals(start, retry.placeAt(), "the place in line is kept over attempts");

        acd.engine.callbackFinished("callback-c1", CallbackStatus.COMPLETED);
        assertEquals(CallbackStatus.COMPLETED, ledger.getLast().status());
    }

    @Test
    void aCallbackWhoseAttemptsAreUsedUpIsGivenUpInTheLedger() {
        TestAcd acd = acd();
        acd.loggedIn("1001");
        acd.engine.restoreCallbacks(List.of(pending("callback-x", NUMBER, 0, acd.now().minusSeconds(600), 2)));
        acd.engine.tick();
        acd.engine.offerAnswered("callback-x", "1001");

        assertEquals(CallbackVerdict.GAVE_UP, acd.engine.callbackAttemptFailed("callback-x"),
                "two attempts were made before the restart: the third was the last");
        assertEquals(CallbackStatus.GAVE_UP, acd.ledger.getLast().status());
        assertEquals(3, acd.ledger.getLast().attempts());
    }

    @Test
    void restoredCallbacksTakeTheirOriginalPlacesAheadOfCallersWhoCameLater() {
        TestAcd acd = acd();
        Instant now = acd.now();
        acd.engine.callerJoined("later", SALES, 0);
        CallbackEntry second = pending("callback-b", "139", 0, now.minusSeconds(300), 0);
        CallbackEntry first = pending("callback-a", "138", 0, now.minusSeconds(600), 1);

        List<CallbackEntry> restored = acd.engine.restoreCallbacks(List.of(second, first));

        assertEquals(List.of("callback-a", "callback-b"), restored.stream().map(CallbackEntry::callbackId).toList());
        assertEquals(List.of("callback-a", "callback-b", "later"), waiting(acd));
        assertEquals(1, acd.engine.callbackAttempts("callback-a"));
        acd.engine.login("1001");
        assertEquals(List.of(new Offer("callback-a", SALES, List.of("1001"))), offers(acd));
    }

    @Test
    void aRestoredCallbackWaitsForItsNextAttemptTime() {
        TestAcd acd = acd();
        acd.loggedIn("1001");
        CallbackEntry notYet = new CallbackEntry("callback-a", "a", SALES, NUMBER, "zh", 0, acd.now().minusSeconds(600),
                acd.now().minusSeconds(500), 1, acd.now().plusSeconds(45), CallbackStatus.PENDING, null, acd.now());

        acd.engine.restoreCallbacks(List.of(notYet));
        assertEquals(List.of(), offers(acd));
        assertEquals(acd.now().plusSeconds(45), acd.engine.nextDeadline().orElseThrow());

        acd.clock.advanceSeconds(45);
        acd.engine.tick();
        assertEquals(List.of(new Offer("callback-a", SALES, List.of("1001"))), offers(acd));
    }

    @Test
    void aCallbackWhoseQueueIsGoneIsLeftPendingAndTheOthersAreRestored() {
        TestAcd acd = acd();
        CallbackEntry gone = new CallbackEntry("callback-g", "g", "closed-queue", "130", "zh", 0, acd.now(), acd.now(), 0,
                acd.now(), CallbackStatus.PENDING, null, acd.now());
        CallbackEntry kept = pending("callback-a", NUMBER, 0, acd.now(), 0);

        List<CallbackEntry> restored = acd.engine.restoreCallbacks(List.of(gone, kept));

        assertEquals(List.of("callback-a"), restored.stream().map(CallbackEntry::callbackId).toList());
        assertEquals(List.of(), acd.ledger, "nothing changes in the ledger: the other stays listed as pending");
    }

    @Test
    void aRestoredCallbackForANumberAlreadyWaitingIsMergedIntoItWhichKeepsTheBetterPlace() {
        TestAcd acd = acd();
        acd.engine.callerJoined("c9", SALES, 0);
        acd.engine.callbackRequested("c9", NUMBER, "zh");
        acd.ledger.clear();
        Instant earlier = acd.now().minusSeconds(300);

        List<CallbackEntry> restored = acd.engine.restoreCallbacks(List.of(pending("callback-old", NUMBER, 0, earlier, 1),
                pending("callback-old", NUMBER, 0, earlier, 1)));

        assertEquals(List.of(), restored);
        assertEquals(List.of("callback-c9"), waiting(acd));
        assertEquals(earlier, acd.engine.queues().getFirst().waiting().getFirst().enteredAt(), "the better place is kept");
        assertEquals(List.of(CallbackStatus.PENDING, CallbackStatus.MERGED),
                acd.ledger.stream().map(CallbackEntry::status).toList());
        assertEquals("callback-c9", acd.ledger.getLast().mergedInto());
        assertEquals(earlier, acd.ledger.getFirst().placeAt());
    }

    private static CallbackEntry pending(String id, String number, int priority, Instant placeAt, int attempts) {
        return new CallbackEntry(id, id.substring("callback-".length()), SALES, number, "zh", priority, placeAt,
                placeAt.plusSeconds(30), attempts, placeAt.plusSeconds(60), CallbackStatus.PENDING, null, placeAt);
    }

    private static TestAcd acd() {
        return TestAcd.with(QueuePolicy.builder(SALES).callbackAfter(Duration.ofSeconds(60)).wrapUp(Duration.ofSeconds(15))
                .build()).agent("1001", SALES).callbacks(POLICY).build();
    }

    private static List<RecordingFront.Action> offers(TestAcd acd) {
        return acd.front.takeActions().stream().filter(Offer.class::isInstance).toList();
    }

    private static List<String> waiting(TestAcd acd) {
        return acd.engine.queues().getFirst().waiting().stream().map(QueueInfo.Waiting::callId).toList();
    }
}
