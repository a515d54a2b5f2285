package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String MINIMAL = """
            service:
              numbers: ["1000"]
            ivr:
              agentQueue: general
              menu:
                prompt: menu.main
                options:
                  - key: "1"
                    prompt: menu.option.billing
                    queue: general
            queues:
              - name: general
            """;

    @TempDir
    Path dir;

    @Test
    void loadsTheEmbeddedDemoHotline() {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of());

        assertEquals(List.of("4008001234", "hotline", "1000"), config.service().numbers());
        assertEquals("zh-CN", config.service().defaultLanguage());
        assertEquals(List.of("zh-CN", "en-US"), config.service().languages());
        assertEquals(ZoneId.of("Asia/Shanghai"), config.service().timeZone());
        assertEquals(5060, config.sip().port());
        assertEquals(List.of("udp", "tcp"), config.sip().transports());
        assertEquals(Duration.ofSeconds(2), config.sip().ringDelay());
        assertEquals(20000, config.rtp().portMin());
        assertEquals(20999, config.rtp().portMax());
        assertEquals(Path.of("prompts"), config.prompts().directory());
        assertEquals(Duration.ofSeconds(5), config.ivr().noInputTimeout());
        assertEquals("0", config.ivr().agentKey());
        assertEquals("general", config.ivr().agentQueue());
        assertEquals(List.of("general", "billing", "support"), config.queues().stream().map(QueueConfig::name).toList());
        assertEquals(HoursConfig.AfterHours.Action.MESSAGE, config.hours().afterHours().action());
    }

    @Test
    void demoMenuHasBillingSubmenuRepairAndLanguageSwitch() {
        MenuConfig main = ConfigLoader.loadDefault(Map.of()).ivr().menu();

        assertEquals("menu.main", main.prompt());
        MenuConfig billing = main.options().get(0).submenu();
        assertEquals(List.of("billing", "billing"), billing.options().stream().map(MenuOption::queue).toList());
        assertEquals("support", main.options().get(1).queue());
        assertEquals(List.of("en-US", "zh-CN"), main.options().subList(2, 4).stream().map(MenuOption::language).toList());
    }

    @Test
    void demoLineIsOpenAroundTheClock() {
        HoursConfig hours = ConfigLoader.loadDefault(Map.of()).hours();

        assertEquals(true, hours.alwaysOpen());
        assertEquals(List.of(), hours.weekly());
    }

    @Test
    void weeklyWindowsCanBeSetFromTheCommandLine() {
        HoursConfig hours = OfficeHours.config(Map.of()).hours();

        assertEquals(false, hours.alwaysOpen());
        assertEquals(new HoursConfig.Window(Set.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(12, 0)),
                hours.weekly().get(1));
        assertEquals(5, hours.weekly().get(0).days().size());
    }

    @Test
    void fillsNamedDefaultsForOmittedKeys() throws IOException {
        HotlineConfig config = ConfigLoader.load(write(MINIMAL), Map.of());

        assertEquals(ConfigDefaults.SIP_PORT, config.sip().port());
        assertEquals(ConfigDefaults.SIP_BIND_ADDRESS, config.sip().advertisedAddress());
        assertEquals(ConfigDefaults.NO_INPUT_TIMEOUT, config.ivr().noInputTimeout());
        assertEquals(ConfigDefaults.HANGUP_AFTER_GOODBYE, config.ivr().hangupAfterGoodbye());
        assertEquals(ConfigDefaults.AGENT_KEY, config.ivr().agentKey());
        assertTrue(config.hours().alwaysOpen(), "no weekly windows means 7x24");
        assertEquals(ConfigDefaults.SPRING_FESTIVAL_DAYS, config.holidays().springFestivalDays());
        assertEquals(List.of(ConfigDefaults.DEFAULT_LANGUAGE), config.service().languages());
    }

    @Test
    void rejectsFourMenuLevelsNamingFileKeyAndRule() throws IOException {
        Path file = write(MINIMAL.replace("queue: general\n", """
                submenu:
                          prompt: p2
                          options:
                            - key: "1"
                              prompt: o2
                              submenu:
                                prompt: p3
                                options:
                                  - key: "1"
                                    prompt: o3
                                    submenu:
                                      prompt: p4
                                      options:
                                        - {key: "1", prompt: o4, queue: general}
                """.stripLeading()));

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals(file + ": ivr.menu.options[0].submenu.options[0].submenu.options[0].submenu: "
                + "menu has 4 levels, at most 3 allowed (rule R4)", e.getMessage());
    }

    @Test
    void rejectsARingDelayBeyondThreeRings() throws IOException {
        Path file = write(MINIMAL + "sip:\n  ringDelay: 12s\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals(file + ": sip.ringDelay: 12s exceeds the three-ring limit of 10s (rule R1)", e.getMessage());
    }

    @Test
    void rejectsAnUnknownKeyListingTheKnownOnes() throws IOException {
        Path file = write(MINIMAL + "sip:\n  prot: 5070\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals(file.toString(), e.source());
        assertEquals("sip.prot", e.key());
        assertTrue(e.reason().startsWith("unknown key; known keys here: advertisedAddress, bindAddress, port"), e.reason());
    }

    @Test
    void rejectsDurationsWithoutUnitsOrInIsoSyntax() throws IOException {
        ConfigException bare = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write(MINIMAL.replace("ivr:\n", "ivr:\n  noInputTimeout: 5\n")), Map.of()));
        ConfigException iso = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write(MINIMAL.replace("ivr:\n", "ivr:\n  noInputTimeout: PT5S\n")), Map.of()));

        assertEquals("ivr.noInputTimeout", bare.key());
        assertEquals("5 is not valid here: " + DurationFormat.EXPECTED, bare.reason());
        assertEquals("\"PT5S\" is not valid here: " + DurationFormat.EXPECTED, iso.reason());
    }

    @Test
    void rejectsAWrongTypeNamingTheKey() throws IOException {
        Path file = write(MINIMAL + "sip:\n  port: five\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals(file + ": sip.port: \"five\" is not a whole number", e.getMessage());
    }

    @Test
    void rejectsBrokenYamlWithItsLine() throws IOException {
        Path file = write("service:\n  numbers: [1000\nsip: {\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals("line 3, column 4", e.key());
        assertEquals("YAML syntax: expected ',' or ']', but got : (while parsing a flow sequence from line 2)", e.reason());
    }

    @Test
    void reportsTheFirstRequiredKeyOfAnEmptyFile() throws IOException {
        Path file = write("");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals(file + ": service.numbers: missing", e.getMessage());
    }

    @Test
    void reportsAMissingFile() {
        Path file = dir.resolve("absent.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertEquals(file + ": (file): no such file", e.getMessage());
    }

    @Test
    void rejectsDuplicateKeys() throws IOException {
        Path file = write(MINIMAL + "sip:\n  port: 5060\n  port: 5070\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertTrue(e.reason().contains("Duplicate field 'port'"), e.getMessage());
    }

    @Test
    void appliesSetStyleOverridesBeforeBinding() {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of(
                "sip.port", "5070",
                "ivr.noInputTimeout", "2s",
                "sip.transports", "[udp]",
                "ivr.menu.options[1].queue", "general"));

        assertEquals(5070, config.sip().port());
        assertEquals(Duration.ofSeconds(2), config.ivr().noInputTimeout());
        assertEquals(List.of("udp"), config.sip().transports());
        assertEquals("general", config.ivr().menu().options().get(1).queue());
    }

    @Test
    void blamesTheOverrideForABadOverriddenValue() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("sip.ringDelay", "12s")));

        assertEquals("--set: sip.ringDelay: 12s exceeds the three-ring limit of 10s (rule R1)", e.getMessage());
    }

    @Test
    void namesTheEmbeddedDefaultAsClasspathResource() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("ivr.menu.options[9].queue", "general")));

        assertEquals("--set", e.source());
        assertEquals("list has no element [9]", e.reason());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
