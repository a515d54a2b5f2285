package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule R14's and R15's keys: each queue's recording policy, the recordings directory and retention, checked at load. */
class RecordingConfigTest {

    private static final String MINIMAL = """
            service:
              numbers: ["1000"]
            ivr:
              agentQueue: general
              menu:
                prompt: menu.main
                options:
                  - {key: "1", prompt: menu.option.billing, queue: sales}
            queues:
              - name: general
              - name: sales
                recording: %s
            """;

    @TempDir
    Path dir;

    @Test
    void everyQueueIsRecordedIntoDataRecordingsByDefault() throws IOException {
        HotlineConfig config = ConfigLoader.load(write("all"), Map.of());

        assertEquals(RecordingPolicy.ALL, config.queues().get(0).recording(), "rule R14: calls are recorded");
        assertEquals(Path.of("data/recordings"), config.recording().directory());
    }

    @Test
    void aQueueMayRecordAShareOfItsCallsOrNone() throws IOException {
        assertEquals(new RecordingPolicy(30), ConfigLoader.load(write("30%"), Map.of()).queues().get(1).recording());
        assertEquals(RecordingPolicy.NONE, ConfigLoader.load(write("none"), Map.of()).queues().get(1).recording());
    }

    @Test
    void theDemoRecordsEveryQueue() {
        HotlineConfig demo = ConfigLoader.loadDefault(Map.of());
        demo.queues().forEach(queue -> assertEquals(RecordingPolicy.ALL, queue.recording(), queue.name()));
    }

    @ParameterizedTest(name = "recording: {0}")
    @CsvSource(delimiter = '|', value = {"150%", "-5%", "25", "half", "12.5%", "[all]"})
    void aBadPolicyStopsLoadingNamingFileKeyAndReason(String value) throws IOException {
        Path file = write(value);

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals("queues[1].recording", e.key(), e.getMessage());
        assertEquals(file.toString(), e.source());
        assertEquals(true, e.reason().endsWith(RecordingPolicy.EXPECTED), e.reason());
    }

    @Test
    void recordingsAreKeptNinetyDaysAndDeletedAtHalfPastThreeByDefault() {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of());

        assertEquals(RecordingRetention.ofDays(90), config.recording().retention(), "rule R15");
        assertEquals(java.time.LocalTime.of(3, 30), config.recording().retentionRunsAt());
    }

    @Test
    void aSiteMayKeepRecordingsForever() {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of("recording.retention", "forever"));

        assertEquals(true, config.recording().retention().forever());
    }

    @ParameterizedTest(name = "retention: {0}")
    @CsvSource(delimiter = '|', value = {"90", "3m", "0", "-5d", "1.5d"})
    void aRetentionThatIsNotWholeDaysStopsLoading(String value) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("recording.retention", value)));

        assertEquals("recording.retention", e.key(), e.getMessage());
        assertEquals(true, e.reason().endsWith(RecordingRetention.EXPECTED), e.reason());
    }

    @Test
    void aRetentionShorterThanTwoWeeksStopsLoading() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("recording.retention", "7d")));

        assertEquals("recording.retention", e.key());
        assertEquals(true, e.reason().startsWith("7d is shorter than 14d"), e.reason());
    }

    @Test
    void aBadRetentionHourStopsLoading() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("recording.retentionRunsAt", "25:00")));

        assertEquals("recording.retentionRunsAt", e.key());
    }

    @Test
    void anEmptyDirectoryIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("recording.directory", "")));

        assertEquals("recording.directory", e.key());
        assertEquals("must name a directory", e.reason());
    }

    @Test
    void anUnknownRecordingKeyIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("recording.format", "mp3")));

        assertEquals("recording.format", e.key());
        assertEquals("unknown key; known keys here: directory, retention, retentionRunsAt", e.reason());
    }

    private Path write(String policy) throws IOException {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, MINIMAL.formatted(policy));
        return file;
    }
}
