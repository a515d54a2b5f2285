package org.hotline.prompt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

    private static final Duration SHORTEST_PROMPT = Duration.ofMillis(200);

    @TempDir
    Path directory;

    @Test
    void loadsEveryRowOfPromptsTsvAsTelephoneAudio() {
        PromptLibrary library = PromptLibrary.load(PromptsTsv.DIRECTORY, PromptsTsv.LANGUAGES);

        assertAll(PromptsTsv.read().rows().stream().map(row -> () -> {
            AudioClip clip = library.clip(row.name(), row.language());
            assertTrue(clip.duration().compareTo(SHORTEST_PROMPT) > 0,
                    row.language() + "/" + row.name() + " lasts only " + clip.duration());
        }));
    }

    @Test
    void promptTreeHoldsExactlyTheNamesOfPromptsTsv() {
        PromptLibrary library = PromptLibrary.load(PromptsTsv.DIRECTORY, PromptsTsv.LANGUAGES);
        PromptsTsv table = PromptsTsv.read();

        for (String language : PromptsTsv.LANGUAGES) {
            assertEquals(table.names(language), library.names(language), language);
        }
    }

    @Test
    void everyPromptNameExistsInBothLanguages() {
        PromptsTsv table = PromptsTsv.read();

        assertEquals(table.names(SpokenNumbers.MANDARIN), table.names(SpokenNumbers.ENGLISH));
    }

    @Test
    void rejectsWrongSampleRateNamingFileAndReason() throws IOException {
        Path file = writeWav("zh-CN", "greeting.welcome", new AudioFormat(44_100, 16, 1, true, false), tone(4410));

        PromptException e = assertThrows(PromptException.class, () -> load("zh-CN"));

        assertEquals(file, e.file());
        assertEquals(file + ": sample rate 44100 Hz, expected 8000 Hz", e.getMessage());
    }

    @Test
    void rejectsStereoNamingFileAndReason() throws IOException {
        Path file = writeWav("en-US", "menu.main", new AudioFormat(8000, 16, 2, true, false), tone(1600));

        PromptException e = assertThrows(PromptException.class, () -> load("en-US"));

        assertEquals(file, e.file());
        assertEquals("2 channels, expected mono", e.reason());
    }

    @Test
    void rejectsEightBitLinearPcm() throws IOException {
        byte[] samples = new byte[800];
        writeWav("en-US", "menu.main", new AudioFormat(8000, 8, 1, false, false), samples);

        PromptException e = assertThrows(PromptException.class, () -> load("en-US"));

        assertTrue(e.reason().startsWith("8-bit PCM_UNSIGNED, expected"), e.reason());
    }

    @Test
    void rejectsFileThatIsNotWav() throws IOException {
        Files.createDirectories(directory.resolve("en-US"));
        Files.writeString(directory.resolve("en-US/menu.main.wav"), "not audio");

        PromptException e = assertThrows(PromptException.class, () -> load("en-US"));

        assertEquals(directory.resolve("en-US/menu.main.wav"), e.file());
    }

    @Test
    void decodesMuLawAndALawStudioRecordingsToLinearPcm() throws Exception {
        byte[] linear = tone(800);
        for (AudioFormat.Encoding law : List.of(AudioFormat.Encoding.ULAW, AudioFormat.Encoding.ALAW)) {
            String name = "greeting." + law;
            Path file = writeWav("zh-CN", name, law, linear);
            assertEquals(law, AudioSystem.getAudioFileFormat(file.toFile()).getFormat().getEncoding());

            AudioClip clip = load("zh-CN").clip(name, "zh-CN");

            assertEquals(800, clip.samples().length);
            assertNearlyEqual(samples(linear), clip.samples());
        }
    }

    @Test
    void missingPromptNameThrows() throws IOException {
        writeWav("zh-CN", "menu.main", new AudioFormat(8000, 16, 1, true, false), tone(1600));
        PromptLibrary library = load("zh-CN");

        assertThrows(MissingPromptException.class, () -> library.clip("menu.nope", "zh-CN"));
        assertThrows(MissingPromptException.class, () -> library.clip("menu.main", "en-US"));
        assertTrue(library.has("menu.main", "zh-CN"));
        assertFalse(library.has("menu.main", "en-US"));
        assertEquals(Set.of("menu.main"), library.names("zh-CN"));
    }

    @Test
    void commonPromptIsFoundForEveryLanguageUnlessTheLanguageHasItsOwn() throws IOException {
        writeWav("zh-CN", "menu.main", new AudioFormat(8000, 16, 1, true, false), tone(1600));
        writeWav("en-US", "menu.main", new AudioFormat(8000, 16, 1, true, false), tone(1600));
        writeWav("en-US", "music.hold", new AudioFormat(8000, 16, 1, true, false), tone(3200));
        writeWav(PromptLibrary.COMMON, "music.hold", new AudioFormat(8000, 16, 1, true, false), tone(8000));
        PromptLibrary library = PromptLibrary.load(directory, List.of("zh-CN", "en-US"));

        assertEquals(Duration.ofSeconds(1), library.clip("music.hold", "zh-CN").duration());
        assertEquals(Duration.ofMillis(400), library.clip("music.hold", "en-US").duration());
        assertTrue(library.has("music.hold", "zh-CN"));
        assertEquals(Set.of("menu.main"), library.names("zh-CN"));
        assertEquals(Set.of("music.hold"), library.commonNames());
    }

    @Test
    void checkedInMusicOnHoldIsLongAndLanguageNeutral() {
        PromptLibrary library = PromptLibrary.load(PromptsTsv.DIRECTORY, PromptsTsv.LANGUAGES);

        for (String language : PromptsTsv.LANGUAGES) {
            assertTrue(library.clip("music.hold", language).duration().compareTo(Duration.ofSeconds(20)) >= 0, language);
            assertFalse(library.names(language).contains("music.hold"), language);
        }
    }

    @Test
    void missingLanguageDirectoryIsNamed() {
        PromptException e = assertThrows(PromptException.class, () -> load("fr-FR"));

        assertEquals(directory.resolve("fr-FR"), e.file());
        assertEquals("no such language directory", e.reason());
    }

    private PromptLibrary load(String language) {
        return PromptLibrary.load(directory, List.of(language));
    }

    private Path writeWav(String language, String name, AudioFormat format, byte[] data) throws IOException {
        Path file = Files.createDirectories(directory.resolve(language)).resolve(name + ".wav");
        write(new AudioInputStream(new ByteArrayInputStream(data), format, data.length / format.getFrameSize()), file);
        return file;
    }

    private Path writeWav(String language, String name, AudioFormat.Encoding law, byte[] linear) throws IOException {
        AudioFormat pcm = new AudioFormat(8000, 16, 1, true, false);
        Path file = Files.createDirectories(directory.resolve(language)).resolve(name + ".wav");
        AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(linear), pcm, linear.length / 2);
        write(AudioSystem.getAudioInputStream(law, source), file);
        return file;
    }

    private static void write(AudioInputStream audio, Path file) throws IOException {
        try (audio) {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    /** 16-bit little-endian samples of a 1 kHz tone at 8 kHz, about -12 dBFS. */
    private static byte[] tone(int samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            buffer.putShort((short) (8000 * Math.sin(2 * Math.PI * i / 8)));
        }
        return buffer.array();
    }

    private static short[] samples(byte[] linear) {
        short[] samples = new short[linear.length / 2];
        ByteBuffer.wrap(linear).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /** G.711 steps are at most 256 at this level, so a decoded sample is within 128 of the original. */
    private static void assertNearlyEqual(short[] expected, short[] actual) {
        int worst = IntStream.range(0, expected.length).map(i -> Math.abs(expected[i] - actual[i])).max().orElseThrow();
        assertTrue(worst <= 128, "worst sample error " + worst);
    }
}
