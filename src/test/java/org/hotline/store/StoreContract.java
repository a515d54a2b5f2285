package org.hotline.store;

import static org.hotline.store.StoreHarness.MONDAY;
import static org.hotline.store.StoreHarness.feed;
import static org.hotline.store.StoreHarness.flush;
import static org.hotline.store.StoreHarness.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.acd.CallbackEntry;
import org.hotline.acd.CallbackStatus;
import org.hotline.config.StoreConfig;
import org.hotline.recording.RecordingInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's behaviour, run against each database it supports: {@code H2StoreTest} (embedded,
 * unit tests) and {@code PostgresStoreSystemTest} (a real PostgreSQL started for the run). The
 * database behind {@link #jdbcUrl()} can be stopped and started again mid-test (rule R20).
 */
abstract class StoreContract {

    @TempDir
    Path temp;

    /** A fresh, empty database for this test. */
    abstract String jdbcUrl();

    /** Makes the database unreachable (the server stops). */
    abstract void stopDatabase();

    abstract void startDatabase();

    private StoreConfig config() {
        return StoreHarness.config(jdbcUrl(), temp.resolve("spool"));
    }

    private Store open(StoreConfig config) {
        Store store = Store.open(config, StoreHarness.CLOCK);
        until("the store reaches its database", () -> !store.spooling());
        return store;
    }

    @Test
    void servedCallLeavesACompleteRecord() {
        try (Store store = open(config())) {
            feed(store, CallScript.served("call-1", "1001", MONDAY));
            flush(store);
            CallRecord call = store.calls().call("call-1").orElseThrow();
            assertEquals("13800138000", call.caller());
            assertEquals("4008001234", call.dialledNumber());
            assertEquals(MONDAY, call.arrivedAt());
            assertEquals(MONDAY.plusSeconds(2), call.answeredAt());
            assertEquals(MONDAY.plusSeconds(11), call.queuedAt());
            assertEquals(MONDAY.plusSeconds(25), call.connectedAt());
            assertEquals(MONDAY.plusSeconds(133), call.endedAt());
            assertEquals("1-2", call.menuPath());
            assertEquals("billing", call.queue());
            assertEquals("1001", call.agent());
            assertEquals(CallOutcome.SERVED, call.outcome());
            assertEquals("COMPLETED", call.endReason());
            assertEquals(Duration.ofSeconds(14), call.waited());
            assertEquals(Duration.ofSeconds(100), call.talked());
            assertEquals(Duration.ofSeconds(30), call.held());
            assertEquals(Duration.ofSeconds(15), call.wrapUp());
            assertEquals(4, call.surveyScore());
            assertFalse(call.hasComplaint());
        }
    }

    @Test
    void abandonedCallRecordsTheWaitAndOutcome() {
        try (Store store = open(config())) {
            feed(store, CallScript.abandoned("call-2", MONDAY));
            flush(store);
            CallRecord call = store.calls().call("call-2").orElseThrow();
            assertEquals(CallOutcome.ABANDONED, call.outcome());
            assertEquals("CALLER_HANGUP", call.endReason());
            assertEquals(Duration.ofSeconds(50), call.waited());
            assertNull(call.connectedAt());
            assertNull(call.agent());
            assertEquals("general", call.queue());
        }
    }

    @Test
    void eventLogIsNumberedInOrderAndResumesAfterASequenceNumber() {
        try (Store store = open(config())) {
            feed(store, CallScript.served("call-1", "1001", MONDAY));
            feed(store, CallScript.abandoned("call-2", MONDAY.plusSeconds(200)));
            flush(store);
            List<LoggedEvent> all = store.calls().events(0, 1000);
            List<String> types = all.stream().map(LoggedEvent::type).toList();
            assertEquals(List.of("QueueRequested", "QueueEntered", "AgentOffered", "AgentStateChanged", "AgentConnected",
                    "AgentStateChanged", "HeldByAgent", "ResumedByAgent", "AgentCallEnded", "AgentStateChanged", "QueueLeft",
                    "SurveyAnswered", "AgentStateChanged", "QueueRequested", "QueueEntered", "WaitAnnounced",
                    "QueueAbandoned", "QueueLeft"), types);
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i).seq() > all.get(i - 1).seq(), "sequence numbers increase");
            }
            LoggedEvent connected = all.get(4);
            assertEquals("call-1", connected.callId());
            assertEquals("billing", connected.queue());
            assertEquals("1001", connected.agent());
            assertTrue(connected.details().contains("\"waited\":\"PT14S\""), connected.details());

            List<LoggedEvent> page = store.calls().events(0, 5);
            List<LoggedEvent> rest = store.calls().events(page.getLast().seq(), 1000);
            assertEquals(5, page.size());
            assertEquals(all.subList(5, all.size()), rest);
        }
    }

    @Test
    void recordingIsRegisteredAndLinkedToItsCall() {
        try (Store store = open(config())) {
            RecordingInfo info = CallScript.recording("rec-1", "call-1", "1001", MONDAY.plusSeconds(25), Duration.ofSeconds(100));
            List<Object> events = new ArrayList<>(CallScript.served("call-1", "1001", MONDAY));
            feed(store, events.subList(0, 10));
            store.keeper().recordingStarted(CallScript.started(info));
            flush(store);
            assertEquals(StoredRecording.Status.RECORDING, store.calls().recording("rec-1").orElseThrow().status());
            feed(store, events.subList(10, events.size()));
            store.keeper().recordingFinished(info);
            flush(store);
            StoredRecording stored = store.calls().recording("rec-1").orElseThrow();
            assertEquals(StoredRecording.Status.FINISHED, stored.status());
            assertEquals(Duration.ofSeconds(100), stored.length());
            assertEquals("a".repeat(64), stored.sha256());
            assertEquals(info.segments(), stored.segments());
            assertEquals("rec-1", store.calls().call("call-1").orElseThrow().recordingId());
        }
    }

    @Test
    void complaintFlagIsSetAndCleared() {
        try (Store store = open(config())) {
            feed(store, CallScript.served("call-1", "1001", MONDAY));
            flush(store);
            Instant now = MONDAY.plusSeconds(3600);
            assertTrue(store.calls().flagComplaint("call-1", new CallRecord.Complaint("sup1", now, "rude agent")));
            assertEquals(new CallRecord.Complaint("sup1", now, "rude agent"), store.calls().call("call-1").orElseThrow().complaint());
            assertEquals(List.of("call-1"), store.calls().complaintCalls(MONDAY, now).stream().map(CallRecord::callId).toList());
            assertFalse(store.calls().flagComplaint("no-such-call", new CallRecord.Complaint("sup1", now, "")));
            assertTrue(store.calls().flagComplaint("call-1", null));
            assertFalse(store.calls().call("call-1").orElseThrow().hasComplaint());
        }
    }

    @Test
    void writesDuringAnOutageAreSpooledAndReplayedInOrder() {
        try (Store store = open(config())) {
            feed(store, CallScript.served("call-1", "1001", MONDAY));
            flush(store);
            long before = store.calls().events(0, 1000).size();

            stopDatabase();
            long started = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                feed(store, CallScript.abandoned("lost-" + i, MONDAY.plusSeconds(300 + i)));
            }
            Duration feeding = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(feeding.compareTo(Duration.ofSeconds(1)) < 0, "1600 events took " + feeding + " with the database away");
            flush(store);
            assertTrue(store.spooling(), "writes go to the spool while the database is away");
            assertTrue(store.spooledCount() > 0);
            assertThrows(StoreUnavailableException.class, () -> store.calls().call("call-1"));

            startDatabase();
            until("the spool is replayed", () -> !store.spooling());
            flush(store);
            for (int i = 0; i < 200; i++) {
                assertEquals(CallOutcome.ABANDONED, store.calls().call("lost-" + i).orElseThrow().outcome(), "lost-" + i);
            }
            List<LoggedEvent> events = store.calls().events(0, 100_000);
            assertEquals(before + 200 * 5, events.size(), "every event is in the log once");
            List<String> callOrder = events.stream().skip(before).map(LoggedEvent::callId).distinct().toList();
            assertEquals(200, callOrder.size());
            for (int i = 0; i < 200; i++) {
                assertEquals("lost-" + i, callOrder.get(i), "the log keeps the order the events happened in");
            }
            assertTrue(store.spooledSegments().isEmpty(), "replayed segments are deleted");
        }
    }

    @Test
    void storeOpensWhileTheDatabaseIsAwayAndCatchesUp() {
        StoreConfig config = config();
        stopDatabase();
        try (Store store = Store.open(config, StoreHarness.CLOCK)) {
            feed(store, CallScript.served("call-1", "1001", MONDAY));
            flush(store);
            assertTrue(store.spooling());
            startDatabase();
            until("the store reaches its database", () -> !store.spooling());
            flush(store);
            assertEquals(CallOutcome.SERVED, store.calls().call("call-1").orElseThrow().outcome());
        }
    }

    @Test
    void callLeftOpenByAStoppedServerIsClosedOnRestart() {
        StoreConfig config = config();
        try (Store first = open(config)) {
            feed(first, CallScript.stillWaiting("call-3", MONDAY));
            flush(first);
            assertEquals(CallOutcome.IN_PROGRESS, first.calls().call("call-3").orElseThrow().outcome());
        }
        try (Store second = open(config)) {
            CallRecord call = second.calls().call("call-3").orElseThrow();
            assertEquals(CallOutcome.INTERRUPTED, call.outcome());
            assertEquals(CallRecord.SERVER_STOPPED, call.endReason());
            assertEquals(MONDAY.plusSeconds(6), call.endedAt(), "ended at its last known event");
        }
    }

    @Test
    void weeksSampleIsKeptOnceAndScoresAreStored() {
        try (Store store = open(config())) {
            store.qa().storeSample("2026-W10", Map.of("1001", List.of("c1", "c2"), "1002", List.of("c3")), MONDAY);
            store.qa().storeSample("2026-W10", Map.of("1001", List.of("c9")), MONDAY.plusSeconds(5));
            assertEquals(List.of(new JdbcQaStore.SampleRow("1001", "c1"), new JdbcQaStore.SampleRow("1001", "c2"),
                    new JdbcQaStore.SampleRow("1002", "c3")), store.qa().storedSample("2026-W10"));
            assertTrue(store.qa().storedSample("2026-W11").isEmpty());

            long id = store.qa().addScore(new JdbcQaStore.Score(0, "c1", "rec-1", "qa1", MONDAY, new BigDecimal("87.5"),
                    "{\"greeting\":5}", "good"));
            List<JdbcQaStore.Score> scores = store.qa().scores("rec-1");
            assertEquals(1, scores.size());
            assertEquals(id, scores.getFirst().id());
            assertEquals("qa1", scores.getFirst().scoredBy());
            assertEquals(MONDAY, scores.getFirst().scoredAt());
            assertEquals(0, new BigDecimal("87.5").compareTo(scores.getFirst().total()));
        }
    }
    @Test
    void agentsWhoseWeeklyDrawIsShortAreCountedForTheCoverageAlert() {
        try (Store store = open(config())) {
            RecordingInfo recorded = CallScript.recording("rec-1", "call-1", "1001", MONDAY.plusSeconds(25), Duration.ofSeconds(100));
            feed(store, CallScript.served("call-1", "1001", MONDAY));
            store.keeper().recordingFinished(recorded);
            feed(store, CallScript.served("call-2", "1002", MONDAY.plusSeconds(600))); // its queue records nothing
            flush(store);
            java.time.ZoneId utc = java.time.ZoneOffset.UTC;

            int oneEach = new org.hotline.qa.QaService(store.calls(), store.qa(), new org.hotline.qa.QaSampler(1, 7), utc,
                    StoreHarness.CLOCK).agentsUnderSampled();
            int threeEach = new org.hotline.qa.QaService(store.calls(), store.qa(), new org.hotline.qa.QaSampler(3, 7), utc,
                    StoreHarness.CLOCK).agentsUnderSampled();

            assertEquals(1, oneEach, "1002 took a call but has no recording to sample (rule R14)");
            assertEquals(2, threeEach, "1001's one recorded call is short of three too");
        }
    }

    private static CallbackEntry callback(String id, String number, int priority, Instant placeAt, CallbackStatus status) {
        return new CallbackEntry(id, id.substring("callback-".length()), "general", number, "zh", priority, placeAt,
                placeAt.plusSeconds(60), 0, placeAt.plusSeconds(90), status,
                status == CallbackStatus.MERGED ? "callback-a" : null, placeAt.plusSeconds(60));
    }

    private static List<CallbackEntry> pendingCallbacks(Store store) {
        try {
            return store.pendingCallbacks().get(StoreHarness.BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the callbacks an earlier run left were not read", e);
        }
    }

    @Test
    void pendingCallbacksOutliveTheServerInTurnAndFinishedOnesStayBehind() { // rule R12
        StoreConfig config = config();
        CallbackEntry a = callback("callback-a", "138", 0, MONDAY.plusSeconds(10), CallbackStatus.PENDING);
        CallbackEntry b = callback("callback-b", "139", 0, MONDAY.plusSeconds(5), CallbackStatus.PENDING);
        CallbackEntry vip = callback("callback-v", "137", 5, MONDAY.plusSeconds(50), CallbackStatus.PENDING);
        try (Store first = open(config)) {
            for (CallbackEntry entry : List.of(a, b, vip, callback("callback-c", "136", 0, MONDAY, CallbackStatus.PENDING),
                    callback("callback-d", "138", 0, MONDAY, CallbackStatus.MERGED),
                    callback("callback-e", "135", 0, MONDAY, CallbackStatus.PENDING))) {
                first.keeper().save(entry);
            }
            first.keeper().save(callback("callback-c", "136", 0, MONDAY, CallbackStatus.COMPLETED));
            first.keeper().save(callback("callback-e", "135", 0, MONDAY, CallbackStatus.GAVE_UP));
            flush(first);
            assertEquals(List.of("callback-v", "callback-b", "callback-a"),
                    first.callbacks().pending().stream().map(CallbackEntry::callbackId).toList());
        }
        try (Store second = open(config)) {
            assertEquals(List.of(vip, b, a), pendingCallbacks(second), "priority first, then the place in line");
        }
    }

    @Test
    void callbacksChangedWhileTheDatabaseWasAwayAreRestoredOnceItReturns() { // rules R12, R20
        StoreConfig config = config();
        CallbackEntry a = callback("callback-a", "138", 0, MONDAY, CallbackStatus.PENDING);
        CallbackEntry retried = new CallbackEntry(a.callbackId(), a.requestedBy(), a.queue(), a.number(), a.language(),
                a.priority(), a.placeAt(), a.requestedAt(), 1, MONDAY.plusSeconds(300), CallbackStatus.PENDING, null,
                MONDAY.plusSeconds(180));
        CallbackEntry b = callback("callback-b", "139", 0, MONDAY.plusSeconds(5), CallbackStatus.PENDING);
        try (Store first = open(config)) {
            first.keeper().save(a);
            flush(first);
            stopDatabase();
            first.keeper().save(retried);
            first.keeper().save(b);
            flush(first);
            assertTrue(first.spooling());
        }
        try (Store second = Store.open(config, StoreHarness.CLOCK)) {
            second.keeper().save(callback("callback-n", "130", 0, MONDAY.plusSeconds(1), CallbackStatus.PENDING));
            flush(second);
            assertFalse(second.pendingCallbacks().isDone(), "nothing is restored from the spool alone");
            startDatabase();
            assertEquals(List.of(retried, b), pendingCallbacks(second),
                    "the spooled changes are in; this run's own callback is not restored");
        }
    }
}
