package org.hotline.prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline.media.AudioClip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompt audio of every configured language, read from {@code <directory>/<language>/<name>.wav}
 * once at start-up (rule R6: one tree per language). Sites replace a prompt by dropping in a studio
 * recording of the same name; {@code prompts/prompts.tsv} lists the names the call flow uses.
 *
 * <p>Immutable once loaded, so any thread may look up clips.
 */
public final class PromptLibrary implements Prompts {

    private static final Logger log = LoggerFactory.getLogger(PromptLibrary.class);
    private static final String WAV = ".wav";

    private final Map<String, Map<String, AudioClip>> clipsByLanguage;

    private PromptLibrary(Map<String, Map<String, AudioClip>> clipsByLanguage) {
        this.clipsByLanguage = clipsByLanguage;
    }

    /**
     * Reads and validates every {@code *.wav} of each language directory.
     *
     * @throws PromptException naming the missing language directory, or the first unusable file and why
     */
    public static PromptLibrary load(Path directory, List<String> languages) {
        Map<String, Map<String, AudioClip>> clipsByLanguage = new LinkedHashMap<>();
        for (String language : languages) {
            Map<String, AudioClip> clips = loadLanguage(directory.resolve(language));
            log.atInfo().addKeyValue("language", language).addKeyValue("prompts", clips.size())
                    .log("prompts loaded");
            clipsByLanguage.put(language, clips);
        }
        return new PromptLibrary(Map.copyOf(clipsByLanguage));
    }

    private static Map<String, AudioClip> loadLanguage(Path languageDirectory) {
        if (!Files.isDirectory(languageDirectory)) {
            throw new PromptException(languageDirectory, "no such language directory");
        }
        try (Stream<Path> files = Files.list(languageDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(WAV) && Files.isRegularFile(file))
                    .map(file -> TelephoneWav.read(file, promptName(file)))
                    .collect(Collectors.toUnmodifiableMap(AudioClip::name, clip -> clip));
        } catch (IOException e) {
            throw new PromptException(languageDirectory, "cannot list (" + e.getMessage() + ")", e);
        }
    }

    private static String promptName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - WAV.length());
    }

    @Override
    public AudioClip clip(String name, String language) {
        AudioClip clip = clipsByLanguage.getOrDefault(language, Map.of()).get(name);
        if (clip == null) {
            throw new MissingPromptException(name, language);
        }
        return clip;
    }

    public boolean has(String name, String language) {
        return clipsByLanguage.getOrDefault(language, Map.of()).containsKey(name);
    }

    /** The prompt names of a loaded language; empty for a language that was not loaded. */
    public Set<String> names(String language) {
        return clipsByLanguage.getOrDefault(language, Map.of()).keySet();
    }
}
