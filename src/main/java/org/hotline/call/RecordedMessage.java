package org.hotline.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A caller's message as a front's own media server recorded it ({@link CallControl#recordMessage};
 * behind Asterisk, {@code RECORD FILE}). Immutable.
 *
 * @param file    where the file is, as Hotline reads it
 * @param length  what the file holds, as the media server reported it
 * @param endedBy {@link #HASH}, {@link #SILENCE}, {@link #MAX_LENGTH} or {@link #HANGUP}
 */
public record RecordedMessage(Path file, Duration length, String endedBy) {

    public static final String HASH = "HASH";
    public static final String SILENCE = "SILENCE";
    public static final String MAX_LENGTH = "MAX_LENGTH";
    public static final String HANGUP = "HANGUP";

    public RecordedMessage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(endedBy, "endedBy");
    }
}
