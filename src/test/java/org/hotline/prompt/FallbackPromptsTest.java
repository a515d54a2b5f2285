package org.hotline.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule R20: a prompt missing when a call needs it plays the fallback, never silence, and is logged once. */
class FallbackPromptsTest {

    private static final AudioClip SORRY = new AudioClip("fallback.sorry", new short[] {1, 2, 3});
    private static final AudioClip WELCOME = new AudioClip("greeting.welcome", new short[] {4, 5, 6});

    @TempDir
    Path directory;

    @Test
    void aMissingPromptPlaysFallbackSorryInTheCallersLanguage() {
        FallbackPrompts prompts = new FallbackPrompts(library(Map.of("zh-CN/fallback.sorry", SORRY)));

        assertSame(SORRY, prompts.clip("queue.name.vip", "zh-CN"));
    }

    @Test
    void aPresentPromptIsPlayedAsItIs() {
        FallbackPrompts prompts = new FallbackPrompts(library(Map.of("zh-CN/greeting.welcome", WELCOME,
                "zh-CN/fallback.sorry", SORRY)));

        assertSame(WELCOME, prompts.clip("greeting.welcome", "zh-CN"));
        assertEquals(0, prompts.missingReported());
    }

    @Test
    void eachMissingPromptIsReportedOnceHoweverManyCallsNeedIt() {
        FallbackPrompts prompts = new FallbackPrompts(library(Map.of("zh-CN/fallback.sorry", SORRY)));

        for (int call = 0; call < 50; call++) {
            prompts.clip("queue.name.vip", "zh-CN");
            prompts.clip("num.1000", "zh-CN");
        }

        assertEquals(2, prompts.missingReported());
    }

    @Test
    void withoutEvenFallbackSorryTheFallbackTonePlaysNotSilence() {
        FallbackPrompts prompts = new FallbackPrompts(library(Map.of()));

        AudioClip played = prompts.clip("greeting.welcome", "en-US");

        assertSame(FallbackPrompts.FALLBACK_TONE, played);
        int loudest = 0;
        for (short sample : played.samples()) {
            loudest = Math.max(loudest, Math.abs(sample));
        }
        assertTrue(loudest > Short.MAX_VALUE / 5, "the fallback tone is audible: peak " + loudest);
    }

    @Test
    void aPromptFileDeletedOrDamagedWhileRunningStillPlaysFromMemory() throws IOException {
        PromptLibrary library = PromptLibrary.load(PromptsTsv.DIRECTORY, List.of("zh-CN"));
        Path copy = directory.resolve("zh-CN");
        Files.createDirectories(copy);
        Path welcome = copy.resolve("greeting.welcome.wav");
        Files.copy(PromptsTsv.DIRECTORY.resolve("zh-CN/greeting.welcome.wav"), welcome);
        PromptLibrary loaded = PromptLibrary.load(directory, List.of("zh-CN"));
        AudioClip before = loaded.clip("greeting.welcome", "zh-CN");

        Files.writeString(welcome, "not a wav any more");
        AudioClip afterDamage = new FallbackPrompts(loaded).clip("greeting.welcome", "zh-CN");
        Files.delete(welcome);
        AudioClip afterDelete = new FallbackPrompts(loaded).clip("greeting.welcome", "zh-CN");

        assertSame(before, afterDamage);
        assertSame(before, afterDelete);
        assertTrue(library.has("fallback.sorry", "zh-CN"), "the demo tree has the fallback prompt");
    }

    private static Prompts library(Map<String, AudioClip> clips) {
        return (name, language) -> {
            AudioClip clip = clips.get(language + "/" + name);
            if (clip == null) {
                throw new MissingPromptException(name, language);
            }
            return clip;
        };
    }
}
