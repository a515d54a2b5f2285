package org.hotline.prompt;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.media.AudioClip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule R20 for prompts: a prompt that cannot be found when a call needs it (a name composed at run
 * time, such as a queue's name or a number, that a site's recordings lack; or a language without
 * it) never leaves the caller on a silent line. The caller hears {@code fallback.sorry} in that
 * language instead, or, if even that is missing, {@link #FALLBACK_TONE}; an error is logged once
 * per missing (name, language), not once per call. The prompts the configuration plays are still
 * checked at start-up, which refuses to start without them; every prompt is read into memory
 * then, so a file deleted or damaged while the server runs changes nothing until the next start.
 *
 * <p>Thread-safe: the set of reported names is concurrent, the library immutable.
 */
public final class FallbackPrompts implements Prompts {

    public static final String FALLBACK_SORRY = "fallback.sorry";
    /** Three short 600 Hz beeps: what plays when not even fallback.sorry exists. */
    public static final AudioClip FALLBACK_TONE = beeps(3, 600);

    private static final Logger log = LoggerFactory.getLogger(FallbackPrompts.class);
    private static final int BEEP_MS = 250;
    private static final int GAP_MS = 150;
    private static final double BEEP_LEVEL = 0.3;

    private final Prompts library;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public FallbackPrompts(Prompts library) {
        this.library = Objects.requireNonNull(library, "library");
    }

    /** Never throws {@link MissingPromptException}: a missing prompt becomes the fallback. */
    @Override
    public AudioClip clip(String name, String language) {
        try {
            return library.clip(name, language);
        } catch (MissingPromptException missing) {
            if (reported.add(language + "/" + name)) {
                log.atError().addKeyValue("prompt", name).addKeyValue("language", language).setCause(missing)
                        .log("prompt missing: playing the fallback instead (logged once)");
            }
            return fallback(language);
        }
    }

    /** How many distinct (name, language) pairs were missing so far. */
    public int missingReported() {
        return reported.size();
    }

    private AudioClip fallback(String language) {
        try {
            return library.clip(FALLBACK_SORRY, language);
        } catch (MissingPromptException e) {
            if (reported.add(language + "/" + FALLBACK_SORRY)) {
                log.atError().addKeyValue("prompt", FALLBACK_SORRY).addKeyValue("language", language)
                        .log("no fallback prompt either: playing the fallback tone (logged once)");
            }
            return FALLBACK_TONE;
        }
    }

    private static AudioClip beeps(int count, int frequencyHz) {
        int beep = AudioClip.SAMPLE_RATE_HZ * BEEP_MS / 1000;
        int gap = AudioClip.SAMPLE_RATE_HZ * GAP_MS / 1000;
        short[] samples = new short[count * (beep + gap)];
        for (int b = 0; b < count; b++) {
            int start = b * (beep + gap);
            for (int i = 0; i < beep; i++) {
                double phase = 2 * Math.PI * frequencyHz * i / AudioClip.SAMPLE_RATE_HZ;
                samples[start + i] = (short) Math.round(Math.sin(phase) * BEEP_LEVEL * Short.MAX_VALUE);
            }
        }
        return new AudioClip("fallback.tone", samples);
    }
}
