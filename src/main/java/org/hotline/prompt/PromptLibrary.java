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
 * Language-neutral audio (music on hold, rule R7) lives in {@code <directory>/common/}, optional,
 * and is found for any language that has no prompt of that name itself.
 *
 * <p>Immutable once loaded, so any thread may look up clips.
 */
public final class PromptLibrary implements Prompts {

    private static final Logger log = LoggerFactory.getLogger(PromptLibrary.class);
    private static final String WAV = ".wav";
    /** The directory of language-neutral prompts, beside the language directories. */
    public static final String COMMON = "common";

    private final Map<String, Map<String, AudioClip>> clipsByLanguage;
    private final Map<String, AudioClip> common;

    private PromptLibrary(Map<String, Map<String, AudioClip>> clipsByLanguage, Map<String, AudioClip> common) {
        this.clipsByLanguage = clipsByLanguage;
        this.common = common;
    }

    /**
     * Reads and validates every {@code *.wav} of each language directory and, if it exists, of
     * {@code <directory>/common}.
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
        Path commonDirectory = directory.resolve(COMMON);
        Map<String, AudioClip> common = Files.isDirectory(commonDirectory) ? loadLanguage(commonDirectory) : Map.of();
        if (!common.isEmpty()) {
            log.atInfo().addKeyValue("language", COMMON).addKeyValue("prompts", common.size()).log("prompts loaded");
        }
        return new PromptLibrary(Map.copyOf(clipsByLanguage), common);
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
        AudioClip clip = clipsByLanguage.getOrDefault(language, Map.of()).getOrDefault(name, common.get(name));
        if (clip == null) {
            throw new MissingPromptException(name, language);
        }
        return clip;
    }

    /** Whether {@link #clip} finds the name for the language, in its own tree or in the common one. */
    public boolean has(String name, String language) {
        return clipsByLanguage.getOrDefault(language, Map.of()).containsKey(name) || common.containsKey(name);
    }

    /** The prompt names of a loaded language's own tree (not the common ones); empty for a language not loaded. */
    public Set<String> names(String language) {
        return clipsByLanguage.getOrDefault(language, Map.of()).keySet();
    }

    /** The names of the language-neutral prompts. */
    public Set<String> commonNames() {
        return common.keySet();
    }
}
