package org.hotline.prompt;

import org.hotline.media.AudioClip;

/**
 * Prompt audio by (name, language), as named in {@code prompts/prompts.tsv}. Thread-safe; lookups
 * never touch the disk (everything is loaded and validated at start-up).
 */
@FunctionalInterface
public interface Prompts {

    /**
     * @throws MissingPromptException if no such prompt exists for that language
     */
    AudioClip clip(String name, String language);
}
