package org.hotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {

    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");

    @TempDir
    Path directory;

    private static List<StoreWrite> everyKind() {
        CallRecordAssembler assembler = new CallRecordAssembler("run-1", new EventLogEntries(StoreJson.mapper()));
        CallScript.served("call-1", "1001", T).forEach(assembler::accept);
        assembler.accept(new RecordingNotice(CallScript.recording("rec-1", "call-1", "1001", T, Duration.ofSeconds(9)),
                StoredRecording.Status.FINISHED));
        List<StoreWrite> writes = new ArrayList<>(assembler.drain());
        writes.add(new StoreWrite.SetWrapUp("call-1", Duration.ofSeconds(15)));
        writes.add(new StoreWrite.LinkRecording("call-1", "rec-1"));
        writes.add(new StoreWrite.AppendAudit(new AuditEntry("e1", T, "qa1", "listen", "recording rec-1", 200, "127.0.0.1")));
        return writes;
    }

    @Test
    void readsBackEveryKindOfWriteInOrder() throws IOException {
        List<StoreWrite> writes = everyKind();
        try (DiskSpool spool = new DiskSpool(directory, StoreJson.mapper())) {
            spool.append(writes.subList(0, 3));
            spool.append(writes.subList(3, writes.size()));
            assertEquals(1, spool.segments().size());
            assertEquals(writes, spool.read(spool.segments().getFirst()));
        }
    }

    @Test
    void skipsATornLastLineLeftByACrash() throws IOException {
        List<StoreWrite> writes = everyKind();
        Path segment;
        try (DiskSpool spool = new DiskSpool(directory, StoreJson.mapper())) {
            spool.append(writes);
            segment = spool.segments().getFirst();
        }
        Files.writeString(segment, "{\"write\":\"call\",\"record\":{\"callId\":\"ca", StandardOpenOption.APPEND);
        try (DiskSpool reopened = new DiskSpool(directory, StoreJson.mapper())) {
            assertEquals(writes, reopened.read(segment));
            reopened.append(writes.subList(0, 1));
            assertEquals(2, reopened.segments().size(), "a reopened spool appends to a new segment");
        }
    }

    @Test
    void refusesAnUnreadableLineBeforeTheLast() throws IOException {
        Path segment = directory.resolve("00000000000000000001.jsonl");
        Files.writeString(segment, "garbage\n{\"write\":\"wrapUp\",\"callId\":\"c\",\"wrapUp\":\"PT15S\"}\n", StandardCharsets.UTF_8);
        try (DiskSpool spool = new DiskSpool(directory, StoreJson.mapper())) {
            assertThrows(DiskSpool.SpoolCorruptException.class, () -> spool.read(segment));
            spool.setAside(segment);
            assertTrue(spool.isEmpty());
            assertTrue(Files.exists(directory.resolve("00000000000000000001.jsonl.bad")), "kept for an operator");
        }
    }
}
