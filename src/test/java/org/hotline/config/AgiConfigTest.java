package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agi: section: off by default, and rejected at load with the key and the reason when it cannot work. */
class AgiConfigTest {

    @Test
    void isOffByDefaultWithAsteriskDefaults() {
        AgiConfig agi = ConfigLoader.loadDefault(Map.of()).agi();

        assertFalse(agi.enabled());
        assertEquals(4573, agi.port());
        assertEquals("PJSIP/{workNumber}", agi.agentDialString());
        assertEquals(Map.of("music.hold", "hotline"), agi.musicClasses());
        assertTrue(agi.recording());
        assertEquals(5038, agi.ami().port());
    }

    @Test
    void startsWhenEnabledWithASecret() {
        AgiConfig agi = ConfigLoader.loadDefault(Map.of("agi.enabled", "true", "agi.ami.secret", "s3cret")).agi();

        assertTrue(agi.enabled());
        assertFalse(agi.ami().toString().contains("s3cret"), "the secret never reaches a log line");
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "agi.ami.secret|''|agi.ami.secret",
            "agi.port|70000|agi.port",
            "agi.agentDialString|PJSIP/1001|agi.agentDialString",
            "agi.transferDialString|PJSIP/trunk|agi.transferDialString",
            "agi.promptsDirectory|prompts|agi.promptsDirectory",
            "agi.recordingDirectory|recordings|agi.recordingDirectory",
            "agi.agentContext|hotline agent|agi.agentContext",
            "agi.holdMusicClass|hold,music|agi.holdMusicClass",
            "agi.ami.port|0|agi.ami.port"})
    void rejectsAnEnabledFrontThatCannotWork(String key, String value, String failingKey) {
        Map<String, String> overrides = new HashMap<>(Map.of("agi.enabled", "true", "agi.ami.secret", "s3cret"));
        overrides.put(key, value);

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.loadDefault(overrides));
        assertEquals(failingKey, e.key(), e.getMessage());
    }

    @Test
    void needsAMusicClassForEveryQueuesMusic() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.loadDefault(Map.of(
                "agi.enabled", "true", "agi.ami.secret", "s3cret", "queues[0].musicOnHold", "music.other")));

        assertEquals("agi.musicClasses", e.key());
        assertTrue(e.reason().contains("music.other"), e.reason());
    }
}
