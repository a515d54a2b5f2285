package org.hotline.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.call.MessageTaking;
import org.hotline.recording.RecordingInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages callers left, on disk: listed newest first, assigned, read back after a restart, repaired after a crash. */
class MessageBoxTest {

    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");

    @TempDir
    Path directory;

    @Test
    void savedMessagesAreListedNewestFirstAndReadBackAfterARestart() {
        MessageBox box = MessageBox.open(directory);
        box.put(Message.recording("m1", "call-1", "13800138000", T0, MessageTaking.Reason.NOT_SERVED, "general")
                .saved(Duration.ofSeconds(12), "HASH", true, directory.resolve("m1.wav"), "a".repeat(64)));
        box.put(Message.recording("m2", "call-2", "13900000000", T0.plusSeconds(60), MessageTaking.Reason.AFTER_HOURS, null));

        MessageBox reopened = MessageBox.open(directory);

        assertEquals(List.of("m2", "m1"), reopened.list().stream().map(Message::id).toList());
        Message first = reopened.find("m1").orElseThrow();
        assertEquals(Message.State.SAVED, first.state());
        assertEquals(Duration.ofSeconds(12), first.length());
        assertEquals("HASH", first.endedBy());
        assertEquals("general", first.queue());
        assertEquals(MessageTaking.Reason.AFTER_HOURS, reopened.find("m2").orElseThrow().reason());
    }

    @Test
    void aMessageAssignedToAnAgentStaysAssigned() {
        MessageBox box = MessageBox.open(directory);
        box.put(Message.recording("m1", "call-1", "13800138000", T0, MessageTaking.Reason.NOT_SERVED, "general"));

        Message assigned = box.assign("m1", "1001", T0.plusSeconds(300)).orElseThrow();

        assertEquals("1001", assigned.assignee());
        assertEquals("1001", MessageBox.open(directory).find("m1").orElseThrow().assignee());
        assertTrue(box.assign("no-such-message", "1001", T0).isEmpty());
    }

    @Test
    void aMessageCutShortByACrashIsCompletedFromItsRepairedRecording() {
        MessageBox box = MessageBox.open(directory);
        box.put(Message.recording("m1", "call-1", "13800138000", T0, MessageTaking.Reason.NOT_SERVED, "general"));

        MessageBox reopened = MessageBox.open(directory);
        reopened.repaired(new RecordingInfo("m1", "call-1", directory.resolve("m1.wav"), T0, T0.plusSeconds(7),
                Duration.ofSeconds(7), "b".repeat(64), List.of(), "general", null, true));

        Message repaired = reopened.find("m1").orElseThrow();
        assertEquals(Message.State.SAVED, repaired.state());
        assertEquals("INTERRUPTED", repaired.endedBy());
        assertEquals(Duration.ofSeconds(7), repaired.length());
    }

    @Test
    void anUnreadableEntryIsLeftAloneAndTheOthersLoad() throws Exception {
        MessageBox box = MessageBox.open(directory);
        box.put(Message.recording("m1", "call-1", "13800138000", T0, MessageTaking.Reason.NOT_SERVED, "general"));
        Files.writeString(directory.resolve(MessageBox.INDEX).resolve("broken" + MessageBox.SUFFIX), "{not json");

        assertEquals(List.of("m1"), MessageBox.open(directory).list().stream().map(Message::id).toList());
    }
}
