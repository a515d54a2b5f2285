package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hotline.media.AudioClip;

/**
 * Makes the audio system tests play and look for: tones, silence, noise, speech from espeak-ng
 * (resampled to 8 kHz with sox) and raw µ-law files for SIPp's {@code rtp_stream}. Stateless.
 */
public final class TestAudio {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);

    private TestAudio() {
    }

    public static AudioClip tone(String name, double frequencyHz, Duration length, double amplitude) {
        short[] samples = new short[sampleCount(length)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequencyHz * i / AudioClip.SAMPLE_RATE_HZ));
        }
        return new AudioClip(name, samples);
    }

    public static AudioClip silence(Duration length) {
        return new AudioClip("silence", new short[sampleCount(length)]);
    }

    /** White noise at {@code amplitude} (0-1 of full scale) from a fixed seed, so runs repeat. */
    public static AudioClip noise(Duration length, double amplitude, long seed) {
        Random random = new Random(seed);
        short[] samples = new short[sampleCount(length)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(amplitude * 32767 * (2 * random.nextDouble() - 1));
        }
        return new AudioClip("noise", samples);
    }

    /** The clips back to back. */
    public static AudioClip concat(String name, List<AudioClip> parts) {
        short[] samples = new short[parts.stream().mapToInt(p -> p.samples().length).sum()];
        int at = 0;
        for (AudioClip part : parts) {
            System.arraycopy(part.samples(), 0, samples, at, part.samples().length);
            at += part.samples().length;
        }
        return new AudioClip(name, samples);
    }

    /** The part of {@code clip} from {@code from} to {@code to} (clamped to the clip), same name. */
    public static AudioClip slice(AudioClip clip, Duration from, Duration to) {
        int start = Math.min(clip.samples().length, Math.max(0, sampleCount(from)));
        int end = Math.min(clip.samples().length, Math.max(start, sampleCount(to)));
        return new AudioClip(clip.name(), Arrays.copyOfRange(clip.samples(), start, end));
    }

    /** {@code clip} with silence before and after, as prompts/generate.sh pads the prompts (100 ms, 150 ms). */
    public static AudioClip pad(AudioClip clip, Duration before, Duration after) {
        return concat(clip.name(), List.of(silence(before), clip, silence(after)));
    }

    /** {@code background} with {@code clip} added in at {@code offset} (saturating). */
    public static AudioClip mixAt(AudioClip background, AudioClip clip, Duration offset) {
        short[] samples = background.samples().clone();
        int start = sampleCount(offset);
        for (int i = 0; i < clip.samples().length && start + i < samples.length; i++) {
            int sum = samples[start + i] + clip.samples()[i];
            samples[start + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
        }
        return new AudioClip(background.name() + "+" + clip.name(), samples);
    }

    /**
     * {@code text} spoken by espeak-ng with {@code voice} (e.g. "en-us", "cmn-latn-pinyin") as 8 kHz
     * 16-bit audio, the synthesiser's silence trimmed and normalised to -3 dBFS like
     * prompts/generate.sh (which then pads 100 ms and 150 ms: see {@link #pad}).
     */
    public static AudioClip speech(String text, String voice, Path dir) {
        Path wide = dir.resolve("espeak-" + Integer.toHexString(text.hashCode()) + ".wav");
        Path narrow = dir.resolve("speech-" + Integer.toHexString(text.hashCode()) + ".wav");
        ExternalProgram.run(List.of("espeak-ng", "-v", voice, "-w", wide.toString(), text), dir, "espeak-ng", TOOL_TIMEOUT)
                .requireSuccess();
        ExternalProgram.run(List.of("sox", "-R", "-D", wide.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer",
                narrow.toString(), "silence", "1", "0.01", "-60d", "reverse", "silence", "1", "0.01", "-60d", "reverse",
                "gain", "-n", "-3"), dir, "sox-speech", TOOL_TIMEOUT).requireSuccess();
        AudioClip clip = Wav.read(narrow);
        return new AudioClip(text, clip.samples());
    }

    /** Passes {@code clip} through sox's G.711 µ-law encoder and decoder, as a telephone line would. */
    public static AudioClip throughSoxUlaw(AudioClip clip, Path dir) {
        Path in = dir.resolve("g711-in.wav");
        Path ulaw = dir.resolve("g711.ul");
        Path out = dir.resolve("g711-out.wav");
        Wav.write(clip, in);
        ExternalProgram.run(List.of("sox", in.toString(), "-t", "ul", ulaw.toString()), dir, "sox-encode", TOOL_TIMEOUT)
                .requireSuccess();
        ExternalProgram.run(List.of("sox", "-t", "ul", "-r", "8000", "-c", "1", ulaw.toString(), "-b", "16", "-e",
                "signed-integer", out.toString()), dir, "sox-decode", TOOL_TIMEOUT).requireSuccess();
        return new AudioClip(clip.name(), Wav.read(out).samples());
    }

    /** Writes {@code clip} as headerless 8 kHz µ-law, the format SIPp's {@code rtp_stream} sends as PCMU. */
    public static Path writeUlawRaw(AudioClip clip, Path file) {
        byte[] bytes = new byte[clip.samples().length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = G711.linearToUlaw(clip.samples()[i]);
        }
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    static int sampleCount(Duration length) {
        return Math.toIntExact(length.toNanos() * AudioClip.SAMPLE_RATE_HZ / 1_000_000_000L);
    }
}
