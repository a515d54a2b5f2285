package org.hotline.system;

import java.time.Duration;
import org.hotline.media.AudioClip;

/**
 * The known sounds the ACD system tests put on each side of a bridged call, so that "the caller
 * hears the agent" is a cross-correlation and not a packet count: the agent's microphone plays tone
 * A (700 Hz), the caller's tone B (1100 Hz). Neither is a note of the music on hold's
 * equal-tempered scale, and a pure 1 s tone scores 0.99 through G.711 against itself and far below
 * {@link #MIN_SCORE} against speech, music or the other tone. Stateless.
 */
public final class AgentTones {

    public static final double AGENT_HZ = 700;
    public static final double CALLER_HZ = 1100;
    /** A tone heard through G.711 and a jitter buffer still scores above 0.95 (BaresipSystemTest). */
    public static final double MIN_SCORE = 0.9;

    private static final double AMPLITUDE = 0.3;
    private static final Duration PROBE = Duration.ofSeconds(1);

    private AgentTones() {
    }

    /** Tone A, the agent's microphone, for {@code length} (baresip's aufile ends the call when it runs out). */
    public static AudioClip agentTone(Duration length) {
        return TestAudio.tone("agent-tone-700Hz", AGENT_HZ, length, AMPLITUDE);
    }

    /** Tone B, the caller's microphone. */
    public static AudioClip callerTone(Duration length) {
        return TestAudio.tone("caller-tone-1100Hz", CALLER_HZ, length, AMPLITUDE);
    }

    /** The first second of a tone: what a recording is searched for. */
    public static AudioClip probe(AudioClip tone) {
        return TestAudio.slice(tone, Duration.ZERO, PROBE);
    }

    /** True when {@code heard} contains a second of {@code tone}. */
    public static boolean contains(AudioClip heard, AudioClip tone) {
        return AudioMatch.best(heard, probe(tone)).score() >= MIN_SCORE;
    }
}
