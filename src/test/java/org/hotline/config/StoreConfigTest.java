package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The store: and qa: sections: defaults, and each rule broken once with a --set override. */
class StoreConfigTest {

    @Test
    void defaultsToAnEmbeddedH2FileUnderTheDataDirectory() {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of());
        assertEquals("jdbc:h2:file:./data/hotline;WRITE_DELAY=0", config.store().jdbcUrl());
        assertEquals(Path.of("data/spool"), config.store().spoolDirectory());
        assertEquals(4, config.store().poolSize());
        assertEquals(Duration.ofSeconds(2), config.store().connectionTimeout());
        assertEquals(3, config.qa().samplesPerAgentPerWeek());
        assertEquals(ConfigDefaults.QA_SCORING_SHEET, config.qa().scoringSheet());
        assertEquals(List.of("qa", "supervisor", "admin"), config.qa().users().stream().map(QaConfig.User::role).toList());
    }

    @Test
    void keepsThePasswordOutOfLogs() {
        StoreConfig store = new StoreConfig("jdbc:postgresql://db/hotline", "hotline", "s3cret", 4, Path.of("spool"),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertFalse(store.toString().contains("s3cret"), store.toString());
        assertEquals("s3cret", store.resolvedPassword());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "store.jdbcUrl | jdbc:mysql://db/hotline | store.jdbcUrl | \"jdbc:mysql://db/hotline\" must start with jdbc:h2: (embedded) or jdbc:postgresql:",
            "store.jdbcUrl | jdbc:h2:file:/var/lib/hotline/db | store.jdbcUrl | an H2 file needs ;WRITE_DELAY=0, or a killed server loses its last second of records (rule R20)",
            "store.poolSize | 0 | store.poolSize | 0 must be 1-64",
            "store.connectionTimeout | 100ms | store.connectionTimeout | must be at least 250ms (the pool's floor)",
            "store.retryInterval | 0s | store.retryInterval | must be more than 0s",
            "store.password | env:HOTLINE_NO_SUCH_VARIABLE_4 | store.password | the environment variable HOTLINE_NO_SUCH_VARIABLE_4 is not set",
            "qa.samplesPerAgentPerWeek | 2 | qa.samplesPerAgentPerWeek | 2 is below rule R14's 3 sampled calls per agent per week",
            "qa.scoringSheet[0].weight | 30 | qa.scoringSheet | the weights add up to 115, not 100",
            "qa.scoringSheet[1].id | greeting | qa.scoringSheet[1].id | greeting appears twice",
            "qa.scoringSheet[2].rules | [R21] | qa.scoringSheet[2].rules[0] | R21 is not a rule of the service standards (R1-R20)",
            "qa.users[0].role | auditor | qa.users[0].role | \"auditor\" must be one of [qa, supervisor, admin]",
            "qa.users[1].name | qa | qa.users[1].name | qa appears twice: one login per person",
            "qa.users[0].passwordHash | demo-qa | qa.users[0].passwordHash | must be pbkdf2-sha256$<iterations>$<salt>$<hash>, never a plain password (make it with ./hotline run hash-api-password <name>)",
            "qa.users[0].passwordHash | pbkdf2-sha256$1000$c2FsdA==$aGFzaA== | qa.users[0].passwordHash | needs at least 10000 iterations (make it with ./hotline run hash-api-password <name>)",
            "qa.scoringSheet | [] | qa.scoringSheet | list at least one criterion (rule R14: calls are scored against a sheet)",
    })
    void rejectsABrokenRuleNamingTheKeyAndReason(String key, String value, String failingKey, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.loadDefault(Map.of(key, value)));

        assertEquals(failingKey, e.key(), e.getMessage());
        assertEquals(reason, e.reason());
    }
}
