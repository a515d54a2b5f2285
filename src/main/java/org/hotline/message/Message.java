package org.hotline.message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hotline.call.MessageTaking;

/**
 * A message a caller left (rules R9, R19, R20), as supervisors see it and as it is kept on disk.
 * Immutable; changes make new instances.
 *
 * @param id         unique, safe in a URL and a file name; also the id of its recording
 * @param callId     the call that left it (its call record)
 * @param caller     the caller's number as the call showed it
 * @param at         when recording started
 * @param reason     why the caller was offered a message
 * @param queue      the queue the caller was heading for, or null
 * @param state      RECORDING until the file is closed, then SAVED (or FAILED)
 * @param length     the recording's length ({@link Duration#ZERO} while recording)
 * @param endedBy    HASH, SILENCE, MAX_LENGTH or HANGUP (null while recording)
 * @param speech     whether the caller's voice was heard at all
 * @param file       the WAV (caller on the left); never shown by the HTTP API
 * @param sha256     of the finished WAV, or null
 * @param assignee   the agent who is to call back, or null
 * @param assignedAt when it was assigned, or null
 * @param handledBy  who marked it handled (the caller was called back or it needed nothing), or null
 * @param handledAt  when, or null: until then retention keeps its audio (rule R20: nothing a caller said is lost)
 * @param audioDeletedAt when retention deleted its audio (rule R15), or null while it is kept
 */
public record Message(String id, String callId, String caller, Instant at, MessageTaking.Reason reason, String queue,
        State state, Duration length, String endedBy, boolean speech, Path file, String sha256, String assignee,
        Instant assignedAt, String handledBy, Instant handledAt, Instant audioDeletedAt) {

    public enum State { RECORDING, SAVED, FAILED }

    /** Whether its audio can be heard, as the listing says it. */
    public enum Audio {
        /** Still being recorded. */
        RECORDING,
        /** Kept: {@code GET /api/recordings/{id}/audio}. */
        AVAILABLE,
        /** Deleted by retention once the message was handled (the audio answers 410). */
        DELETED,
        /** The recording failed; there is none. */
        NONE
    }

    /** As a message was before handling and retention (the record's first shape). */
    public Message(String id, String callId, String caller, Instant at, MessageTaking.Reason reason, String queue,
            State state, Duration length, String endedBy, boolean speech, Path file, String sha256, String assignee,
            Instant assignedAt) {
        this(id, callId, caller, at, reason, queue, state, length, endedBy, speech, file, sha256, assignee, assignedAt,
                null, null, null);
    }

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(length, "length");
    }

    static Message recording(String id, String callId, String caller, Instant at, MessageTaking.Reason reason,
            String queue) {
        return new Message(id, callId, caller, at, reason, queue, State.RECORDING, Duration.ZERO, null, false, null, null,
                null, null);
    }

    Message saved(Duration recorded, String ended, boolean heard, Path wav, String hash) {
        return new Message(id, callId, caller, at, reason, queue, State.SAVED, recorded, ended, heard, wav, hash, assignee,
                assignedAt, handledBy, handledAt, audioDeletedAt);
    }

    Message failed(String ended) {
        return new Message(id, callId, caller, at, reason, queue, State.FAILED, length, ended, speech, file, sha256,
                assignee, assignedAt, handledBy, handledAt, audioDeletedAt);
    }

    Message assignedTo(String agent, Instant when) {
        return new Message(id, callId, caller, at, reason, queue, state, length, endedBy, speech, file, sha256, agent, when,
                handledBy, handledAt, audioDeletedAt);
    }

    Message handled(String by, Instant when) {
        return new Message(id, callId, caller, at, reason, queue, state, length, endedBy, speech, file, sha256, assignee,
                assignedAt, by, when, audioDeletedAt);
    }

    Message audioDeleted(Instant when) {
        return new Message(id, callId, caller, at, reason, queue, state, length, endedBy, speech, file, sha256, assignee,
                assignedAt, handledBy, handledAt, when);
    }

    public boolean isHandled() {
        return handledAt != null;
    }

    public Audio audio() {
        if (audioDeletedAt != null) {
            return Audio.DELETED;
        }
        return switch (state) {
            case RECORDING -> Audio.RECORDING;
            case SAVED -> Audio.AVAILABLE;
            case FAILED -> file == null ? Audio.NONE : Audio.AVAILABLE;
        };
    }
}
