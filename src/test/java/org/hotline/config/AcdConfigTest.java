package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ACD's keys: queue policies, agents with hashed credentials, the HTTP API's address. */
class AcdConfigTest {

    private static final String MINIMAL = """
            service:
              numbers: ["1000"]
            ivr:
              agentQueue: general
              menu:
                prompt: menu.main
                options:
                  - {key: "1", prompt: menu.option.billing, queue: general}
            queues:
              - name: general
            """;

    @TempDir
    Path dir;

    @Test
    void demoHasTwoAgentsWithHashedCredentialsAndQueuePolicies() {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of());

        assertEquals("hotline", config.agents().realm());
        assertEquals(List.of("1001", "1002"), config.agents().members().stream().map(AgentConfig::workNumber).toList());
        assertEquals(Map.of("general", 0, "billing", 0, "support", 1), config.agents().members().get(0).queues());
        QueueConfig billing = config.queues().get(1);
        assertEquals("general", billing.onMaxWait());
        assertEquals(Duration.ofMinutes(3), billing.maxWait());
        assertEquals(QueueConfig.Strategy.RING_ALL, config.queues().get(2).strategy());
        assertEquals(1, config.queues().get(2).priority());
        assertEquals(new HttpConfig("127.0.0.1", 8080), config.http());
    }

    @Test
    void fillsQueueAndAgentDefaultsForOmittedKeys() throws IOException {
        Path file = dir.resolve("minimal.yaml");
        Files.writeString(file, MINIMAL);

        HotlineConfig config = ConfigLoader.load(file, Map.of());

        QueueConfig general = config.queues().getFirst();
        assertEquals(ConfigDefaults.QUEUE_STRATEGY, general.strategy());
        assertEquals(ConfigDefaults.ANNOUNCE_FIRST, general.announceFirst());
        assertEquals(Duration.ofSeconds(45), general.announceFirst(), "rule R7");
        assertEquals(ConfigDefaults.ANNOUNCE_INTERVAL, general.announceInterval());
        assertEquals(Duration.ofSeconds(10), general.ringTimeout(), "rule R1");
        assertEquals(QueueConfig.FAIL, general.onMaxWait());
        assertEquals(QueueConfig.NoAgents.WAIT, general.whenNoAgents());
        assertEquals(new QueueConfig.ServiceLevelConfig(Duration.ofSeconds(20), 80), general.serviceLevel());
        assertEquals("music.hold", general.musicOnHold());
        assertFalse(general.whisper());
        assertEquals(new AgentsConfig("hotline", List.of("SHA-256", "MD5"), List.of()), config.agents());
        assertEquals(new HttpConfig(ConfigDefaults.HTTP_BIND_ADDRESS, ConfigDefaults.HTTP_PORT), config.http());
    }

    @Test
    void rejectsAnAgentWithoutQueues() throws IOException {
        Path file = dir.resolve("no-queues.yaml");
        Files.writeString(file, MINIMAL + """
                agents:
                  members:
                    - workNumber: "7"
                      displayName: Seven
                      queues: {}
                      ha1Md5: fe91a8312069f3ec33658a70e139d0d1
                      ha1Sha256: ce777f18d0030e57d31a42f8ec9f0ef8c446871038cfcb8985a3edd064d85b03
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals(file + ": agents.members[0].queues: an agent serves at least one queue, e.g. {general: 0}",
                e.getMessage());
    }

    @Test
    void acceptsEveryStrategyByItsConfigName() {
        for (QueueConfig.Strategy strategy : QueueConfig.Strategy.values()) {
            HotlineConfig config = ConfigLoader.loadDefault(Map.of("queues[0].strategy", strategy.toString()));
            assertEquals(strategy, config.queues().getFirst().strategy());
        }
    }

    @Test
    void workNumbersOfDemoAgentsAreDigitsOnly() {
        assertTrue(ConfigLoader.loadDefault(Map.of()).agents().members().stream()
                .allMatch(agent -> agent.workNumber().chars().allMatch(Character::isDigit)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "queues[0].strategy | fastest | queues[0].strategy | \"fastest\" is not one of longest-idle, round-robin, fewest-calls, ring-all",
            "queues[0].whenNoAgents | hang-up | queues[0].whenNoAgents | \"hang-up\" is not one of wait, fail",
            "queues[0].priority | 10 | queues[0].priority | 10 must be 0-9",
            "queues[0].wrapUp | 11m | queues[0].wrapUp | 11m must be 0s-10m",
            "queues[0].maxWait | 0s | queues[0].maxWait | 0s must be 1s-1h",
            "queues[0].announceFirst | 46s | queues[0].announceFirst | 46s must be 1s-45s (rule R7)",
            "queues[0].announceInterval | 5s | queues[0].announceInterval | 5s must be 15s-5m (rule R7)",
            "queues[0].ringTimeout | 12s | queues[0].ringTimeout | 12s must be 1s-10s (rule R1: three rings)",
            "queues[0].serviceLevel.targetPercent | 0 | queues[0].serviceLevel.targetPercent | 0 must be 1-100 (%)",
            "queues[0].serviceLevel.threshold | 0s | queues[0].serviceLevel.threshold | 0s must be 1s-1h",
            "queues[0].musicOnHold | '' | queues[0].musicOnHold | must not be empty",
            "queues[0].onMaxWait | vip | queues[0].onMaxWait | \"vip\" is neither fail (rule R9) nor a queue in queues",
            "queues[0].onMaxWait | general | queues[0].onMaxWait | queue general cannot overflow to itself",
            "queues[0].onMaxWait | billing | queues[0].onMaxWait | overflows loop back to general: a caller would never reach rule R9's failure path",
            "queues[2].name | fail | queues[2].name | \"fail\" is reserved: onMaxWait: fail means rule R9's failure path",
            "agents.realm | a:b | agents.realm | must not contain ':' or '\"' (RFC 7616 §3.3)",
            "agents.members[0].workNumber | A1001 | agents.members[0].workNumber | \"A1001\" must be 1-16 digits: callers hear it digit by digit (rule R3)",
            "agents.members[1].workNumber | 1001 | agents.members[1].workNumber | 1001 is already agents.members[0]'s: no shared logins (rule R3)",
            "agents.members[0].workNumber | 1000 | agents.members[0].workNumber | 1000 is also in service.numbers: a call to it would be ambiguous",
            "agents.members[0].displayName | '' | agents.members[0].displayName | must not be empty",
            "agents.members[0].queues | general | agents.members[0].queues | wrong type: expected a section of keys",
            "agents.members[0].queues.vip | 0 | agents.members[0].queues.vip | no queue named vip in queues",
            "agents.members[0].queues.general | -1 | agents.members[0].queues.general | -1 must be a level 0-99 (lower is offered first)",
            "agents.members[0].ha1Md5 | FE91A8312069F3EC33658A70E139D0D1 | agents.members[0].ha1Md5 | must be 32 lower-case hex digits: MD5(workNumber:realm:password) (make it with ./hotline run hash-password <workNumber> [realm])",
            "agents.members[0].ha1Sha256 | fe91a8312069f3ec33658a70e139d0d1 | agents.members[0].ha1Sha256 | must be 64 lower-case hex digits: SHA-256(workNumber:realm:password) (make it with ./hotline run hash-password <workNumber> [realm])",
            "http.port | 70000 | http.port | 70000 is not a port (0-65535, 0 picks a free one)",
            "http.bindAddress | '' | http.bindAddress | must not be empty",
    })
    void rejectsABrokenAcdRuleNamingTheKeyAndReason(String key, String value, String failingKey, String reason) {
        Map<String, String> overrides = key.equals("queues[0].onMaxWait") && value.equals("billing")
                ? Map.of(key, value, "queues[1].onMaxWait", "general")
                : Map.of(key, value);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.loadDefault(overrides));

        assertEquals(failingKey, e.key(), e.getMessage());
        assertEquals(reason, e.reason());
    }
}
