package org.hotline.call;

import java.util.List;
import java.util.Objects;

/**
 * Prompts to play back to back, named as in {@code prompts/prompts.tsv} and resolved by
 * (name, language) by the front: the standalone front reads {@code prompts/<language>/<name>.wav}.
 *
 * @param bargeIn whether a key press interrupts playback (menus: yes; goodbyes: no)
 */
public record Announcement(List<String> promptNames, String language, boolean bargeIn) {

    public Announcement {
        promptNames = List.copyOf(promptNames);
        Objects.requireNonNull(language, "language");
        if (promptNames.isEmpty()) {
            throw new IllegalArgumentException("an announcement needs at least one prompt");
        }
    }

    public static Announcement of(String language, String... promptNames) {
        return new Announcement(List.of(promptNames), language, false);
    }

    public static Announcement interruptible(String language, List<String> promptNames) {
        return new Announcement(promptNames, language, true);
    }
}
