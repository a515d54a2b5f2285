package org.hotline.agi;

import java.util.Objects;
import org.hotline.prompt.PromptLibrary;

/**
 * Where Asterisk finds a prompt: the same {@code prompts/} tree the standalone front plays, mounted
 * where Asterisk sees it ({@code agi.promptsDirectory}), named without the extension so Asterisk
 * picks the file (the 8 kHz WAVs). A language's own file wins over {@code common/}, as in
 * {@link PromptLibrary#clip}. Immutable; any thread.
 */
final class PromptPaths {

    private final String directory;
    private final PromptLibrary library;

    PromptPaths(String directory, PromptLibrary library) {
        this.directory = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
        this.library = Objects.requireNonNull(library, "library");
    }

    /** {@code <directory>/<language>/<name>}, or {@code <directory>/common/<name>} for a language-neutral prompt. */
    String path(String name, String language) {
        String tree = library.names(language).contains(name) || !library.commonNames().contains(name)
                ? language : PromptLibrary.COMMON;
        return directory + "/" + tree + "/" + name;
    }
}
