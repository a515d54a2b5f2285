package org.hotline.prompt;

import java.nio.file.Path;

/** A prompt file or directory that cannot be used; start-up fails with the file and the reason. */
public final class PromptException extends RuntimeException {

    private final Path file;
    private final String reason;

    public PromptException(Path file, String reason) {
        this(file, reason, null);
    }

    public PromptException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
