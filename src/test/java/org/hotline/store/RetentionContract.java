package org.hotline.store;

import static org.hotline.store.StoreHarness.MONDAY;
import static org.hotline.store.StoreHarness.feed;
import static org.hotline.store.StoreHarness.flush;
import static org.hotline.store.StoreHarness.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.config.RecordingRetention;
import org.hotline.message.Message;
import org.hotline.message.MessageBox;
import org.hotline.message.MessageBoxAccess;
import org.hotline.qa.QaSampler;
import org.hotline.qa.QaService;
import org.hotline.recording.RecordingInfo;
import org.hotline.recording.Recordings;
import org.hotline.retention.QaReview;
import org.hotline.retention.RetentionHold;
import org.hotline.retention.RetentionPass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule R15's retention pass over a real store, run against each database: {@code H2RetentionTest}
 * and {@code PostgresRetentionSystemTest}. Calls happened 100 days before the fake "now"; the
 * retention is 90 days.
 */
abstract class RetentionContract {

    private static final Instant NOW = MONDAY.plus(Duration.ofDays(100));
    private static final Instant OLD = MONDAY.plusSeconds(3600);
    private static final Instant YOUNG = NOW.minus(Duration.ofDays(30));
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path temp;

    abstract String jdbcUrl();

    abstract void stopDatabase();

    abstract void startDatabase();

    private Store open() {
        Store store = Store.open(StoreHarness.config(jdbcUrl(), temp.resolve("spool")), StoreHarness.CLOCK);
        until("the store reaches its database", () -> !store.spooling());
        return store;
    }

    private static RetentionPass pass(Store store) {
        QaService qa = new QaService(store.calls(), store.qa(), new QaSampler(3, 14), ZoneId.of("UTC"), CLOCK);
        return new RetentionPass(store.retention(), new QaReview(store.retention(), qa), store.keeper(),
                RecordingRetention.ofDays(90), CLOCK);
    }

    /** A served call with a finished recording whose WAV and sidecar are on disk. */
    private RecordingInfo recordedCall(Store store, String callId, Instant start) {
        RecordingInfo info = recording("rec-" + callId, callId, start);
        feed(store, CallScript.served(callId, "1001", start));
        store.keeper().recordingFinished(info);
        flush(store);
        try {
            Files.createDirectories(info.file().getParent());
            Files.write(info.file(), new byte[44]);
            Files.writeString(Recordings.sidecarOf(info.file()), "{}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return info;
    }

    private RecordingInfo recording(String id, String callId, Instant start) {
        Instant connected = start.plusSeconds(25);
        Duration length = Duration.ofSeconds(100);
        return new RecordingInfo(id, callId, temp.resolve("recordings").resolve(id + ".wav"), connected,
                connected.plus(length), length, "a".repeat(64),
                List.of(new RecordingInfo.Segment("TALK", connected, connected.plus(length), "1001")), "billing", "1001", false);
    }

    private static StoredRecording.Status status(Store store, RecordingInfo info) {
        return store.calls().recording(info.id()).orElseThrow().status();
    }

    private static List<AuditEntry> deletions(Store store) {
        flush(store);
        return store.calls().audit(0, 100).stream().map(JdbcCallRecordStore.Audited::entry)
                .filter(entry -> entry.action().equals(RetentionPass.AUDIT_ACTION)).toList();
    }

    @Test
    void deletesAnExpiredRecordingItsSidecarAndMarksItsRow() {
        try (Store store = open()) {
            RecordingInfo old = recordedCall(store, "call-old", OLD);

            RetentionPass.Report report = pass(store).run();

            assertEquals(new RetentionPass.Report(RetentionPass.Outcome.DONE, 1, 0, 0), report);
            assertFalse(Files.exists(old.file()), "the WAV is deleted");
            assertFalse(Files.exists(Recordings.sidecarOf(old.file())), "the sidecar is deleted");
            assertEquals(StoredRecording.Status.DELETED, status(store, old));
            List<AuditEntry> audit = deletions(store);
            assertEquals(1, audit.size());
            assertEquals(RetentionPass.AUDIT_USER, audit.getFirst().user());
            assertEquals("recording rec-call-old of call call-old", audit.getFirst().target());
            assertEquals(RetentionPass.DELETED, audit.getFirst().status());
            assertEquals(new RetentionPass.Report(RetentionPass.Outcome.DONE, 0, 0, 0), pass(store).run(),
                    "a deleted recording is not deleted twice");
        }
    }

    @Test
    void keepsTheRecordingOfAComplaintCall() {
        try (Store store = open()) {
            RecordingInfo complaint = recordedCall(store, "call-complaint", OLD);
            assertTrue(store.calls().flagComplaint("call-complaint", new CallRecord.Complaint("sup1", OLD, "rude")));

            assertEquals(0, pass(store).run().deleted());

            assertTrue(Files.exists(complaint.file()), "rule R15: complaints keep the full recording");
            assertEquals(StoredRecording.Status.FINISHED, status(store, complaint));
            assertTrue(deletions(store).isEmpty());
        }
    }

    @Test
    void keepsARecordingUnderQaReviewUntilItIsScored() {
        try (Store store = open()) {
            RecordingInfo sampled = recordedCall(store, "call-sampled", OLD);
            store.qa().storeSample("2026-W10", Map.of("1001", List.of("call-sampled")), OLD);

            RetentionPass.Report unscored = pass(store).run();

            assertEquals(new RetentionPass.Report(RetentionPass.Outcome.DONE, 0, 1, 0), unscored);
            assertTrue(Files.exists(sampled.file()), "rule R14: a sampled call waits for its score");
            store.qa().addScore(new JdbcQaStore.Score(0, "call-sampled", sampled.id(), "qa1", OLD.plusSeconds(600),
                    new BigDecimal("80.0"), "{}", null));
            assertEquals(1, pass(store).run().deleted(), "once scored, retention applies");
            assertFalse(Files.exists(sampled.file()));
        }
    }

    @Test
    void keepsARecordingYoungerThanTheRetention() {
        try (Store store = open()) {
            RecordingInfo young = recordedCall(store, "call-young", YOUNG);

            assertEquals(0, pass(store).run().deleted());

            assertTrue(Files.exists(young.file()));
            assertEquals(StoredRecording.Status.FINISHED, status(store, young));
        }
    }

    @Test
    void deletesNothingWhileTheDatabaseIsAway() {
        try (Store store = open()) {
            RecordingInfo old = recordedCall(store, "call-old", OLD);
            stopDatabase();

            RetentionPass.Report report = pass(store).run();

            assertEquals(new RetentionPass.Report(RetentionPass.Outcome.DATABASE_AWAY, 0, 0, 0), report);
            assertTrue(Files.exists(old.file()), "complaints cannot be checked, so nothing is deleted (rule R15)");
            assertTrue(Files.exists(Recordings.sidecarOf(old.file())));
            startDatabase();
            RetentionPass.Report[] next = new RetentionPass.Report[1];
            until("a pass reaches the database again (the pool replaces its broken connections)",
                    () -> (next[0] = pass(store).run()).outcome() != RetentionPass.Outcome.DATABASE_AWAY);
            assertEquals(new RetentionPass.Report(RetentionPass.Outcome.DONE, 1, 0, 0), next[0], "the next pass deletes it");
        }
    }

    @Test
    void marksTheRowWhenTheFileIsAlreadyMissing() throws IOException {
        try (Store store = open()) {
            RecordingInfo old = recordedCall(store, "call-old", OLD);
            Files.delete(old.file());

            assertEquals(1, pass(store).run().deleted());

            assertEquals(StoredRecording.Status.DELETED, status(store, old));
            assertFalse(Files.exists(Recordings.sidecarOf(old.file())));
            assertEquals(RetentionPass.FILE_ALREADY_MISSING, deletions(store).getFirst().status());
        }
    }

    @Test
    void aFileThatCannotBeDeletedIsCountedAndTriedAgain() throws IOException {
        try (Store store = open()) {
            RecordingInfo stuck = recordedCall(store, "call-stuck", OLD);
            Files.delete(stuck.file());
            Files.createDirectory(stuck.file()); // a non-empty directory where the WAV was: deleting it fails
            Files.writeString(stuck.file().resolve("keep"), "x");

            assertEquals(new RetentionPass.Report(RetentionPass.Outcome.DONE, 0, 0, 1), pass(store).run());

            assertEquals(StoredRecording.Status.FINISHED, status(store, stuck), "not marked: the next pass tries again");
            assertTrue(deletions(store).isEmpty());
        }
    }

    @Test
    void aMessageKeepsItsAudioUntilHandledThenItsListingSaysTheAudioIsDeleted() { // rules R15, R20
        try (Store store = open()) {
            RecordingInfo message = recordedCall(store, "call-msg", OLD);
            RecordingInfo other = recordedCall(store, "call-other", OLD);
            MessageBox box = MessageBox.open(temp.resolve("messages"));
            MessageBoxAccess.put(box, message.id(), OLD);
            RetentionHold hold = new RetentionHold() {
                @Override
                public Set<String> heldRecordings() {
                    return box.unhandled();
                }

                @Override
                public void deleted(String recordingId, Instant at) {
                    box.audioDeleted(recordingId, at);
                }
            };

            RetentionPass.Report unhandled = pass(store, hold).run();

            assertEquals(new RetentionPass.Report(RetentionPass.Outcome.DONE, 1, 0, 0, 1), unhandled);
            assertTrue(Files.exists(message.file()), "what the caller said is kept until someone handled it");
            assertFalse(Files.exists(other.file()));
            assertNull(box.find(message.id()).orElseThrow().audioDeletedAt());

            box.handle(message.id(), "sup1", NOW);
            assertEquals(new RetentionPass.Report(RetentionPass.Outcome.DONE, 1, 0, 0, 0), pass(store, hold).run());

            assertFalse(Files.exists(message.file()));
            assertEquals(StoredRecording.Status.DELETED, status(store, message));
            assertEquals(Message.Audio.DELETED, box.find(message.id()).orElseThrow().audio());
            assertEquals(NOW, MessageBox.open(temp.resolve("messages")).find(message.id()).orElseThrow().audioDeletedAt(),
                    "the box remembers it over a restart");
        }
    }

    private static RetentionPass pass(Store store, RetentionHold hold) {
        QaService qa = new QaService(store.calls(), store.qa(), new QaSampler(3, 14), ZoneId.of("UTC"), CLOCK);
        return new RetentionPass(store.retention(), new QaReview(store.retention(), qa), store.keeper(),
                RecordingRetention.ofDays(90), CLOCK, hold);
    }
}
