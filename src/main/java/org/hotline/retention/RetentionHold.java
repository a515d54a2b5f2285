package org.hotline.retention;

import java.time.Instant;
import java.util.Set;

/**
 * What, besides a complaint (rule R15) and QA's review, keeps a recording past its retention, and
 * who is told when one is deleted: the messages callers left (rules R9, R19, R20), whose audio is
 * kept until the message is handled and whose listing then says the audio is gone. Called on the
 * retention job's thread; implementations are thread-safe and quick.
 */
public interface RetentionHold {

    /** Holds nothing, told nothing. */
    RetentionHold NONE = new RetentionHold() {
        @Override
        public Set<String> heldRecordings() {
            return Set.of();
        }

        @Override
        public void deleted(String recordingId, Instant at) {
            // nobody to tell
        }
    };

    /** Recording ids retention must not delete now, whatever their age. */
    Set<String> heldRecordings();

    /** The recording's files were deleted and its row marked DELETED at {@code at}. */
    void deleted(String recordingId, Instant at);
}
