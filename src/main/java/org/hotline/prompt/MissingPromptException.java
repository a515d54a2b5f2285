package org.hotline.prompt;

/** A prompt name that has no audio in the requested language. */
public final class MissingPromptException extends RuntimeException {

    public MissingPromptException(String name, String language) {
        super("no prompt '" + name + "' for language " + language);
    }
}
