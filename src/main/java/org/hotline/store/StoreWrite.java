package org.hotline.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import org.hotline.acd.CallbackEntry;

/**
 * One change to the store, as the writer applies it to the database or appends it to the spool
 * (one JSON line each). Every write is idempotent, so replaying a spool segment that was partly
 * written already changes nothing twice.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "write")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StoreWrite.PutCall.class, name = "call"),
        @JsonSubTypes.Type(value = StoreWrite.SetWrapUp.class, name = "wrapUp"),
        @JsonSubTypes.Type(value = StoreWrite.LinkRecording.class, name = "link"),
        @JsonSubTypes.Type(value = StoreWrite.AppendEvent.class, name = "event"),
        @JsonSubTypes.Type(value = StoreWrite.PutRecording.class, name = "recording"),
        @JsonSubTypes.Type(value = StoreWrite.AppendAudit.class, name = "audit"),
        @JsonSubTypes.Type(value = StoreWrite.PutCallback.class, name = "callback")})
public sealed interface StoreWrite {

    /** Inserts or replaces the call's record (its complaint columns are left alone); {@code runId}: the server run. */
    record PutCall(CallRecord record, String runId) implements StoreWrite {}

    /** The agent's after-call work time, known once the agent leaves wrap-up. */
    record SetWrapUp(String callId, Duration wrapUp) implements StoreWrite {}

    /** Links a recording to a call whose record is already complete. */
    record LinkRecording(String callId, String recordingId) implements StoreWrite {}

    record AppendEvent(LoggedEvent event) implements StoreWrite {}

    record PutRecording(StoredRecording recording) implements StoreWrite {}

    record AppendAudit(AuditEntry entry) implements StoreWrite {}

    /** Inserts or replaces a queued callback's row (rule R12); {@code runId}: the server run that wrote it. */
    record PutCallback(CallbackEntry callback, String runId) implements StoreWrite {}

    /** The call the write concerns, for logs; null for audit lines. */
    default String callId() {
        return switch (this) {
            case PutCall put -> put.record().callId();
            case SetWrapUp wrapUp -> wrapUp.callId();
            case LinkRecording link -> link.callId();
            case AppendEvent event -> event.event().callId();
            case PutRecording recording -> recording.recording().callId();
            case AppendAudit audit -> null;
            case PutCallback put -> put.callback().callbackId();
        };
    }
}
