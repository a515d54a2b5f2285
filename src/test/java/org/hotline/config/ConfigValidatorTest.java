package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of {@link ConfigValidator}, broken once on the demo configuration with a --set override. */
class ConfigValidatorTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "sip.ringDelay | 0s | sip.ringDelay | must be more than 0s: callers hear at least one ring (rule R1)",
            "sip.port | 70000 | sip.port | 70000 is not a port (1-65535)",
            "sip.transports | [udp, sctp] | sip.transports | [udp, sctp] must list one or both of udp, tcp",
            "rtp.portMin | 20001 | rtp.portMin | 20001 is odd: RTP takes the even port of each pair (RFC 3550 §11)",
            "rtp.portMax | 20000 | rtp.portMax | 20000 must be above rtp.portMin 20000",
            "rtp.portMin | 80 | rtp.portMin | 80 is outside 1024-65535",
            "service.numbers | [] | service.numbers | at least one number is needed, or every call gets 404",
            "service.defaultLanguage | fr-FR | service.defaultLanguage | fr-FR is not in service.languages [zh-CN, en-US] (rule R6)",
            "ivr.noInputTimeout | 0ms | ivr.noInputTimeout | must be more than 0s (rule R5)",
            "ivr.hangupAfterGoodbye | 0s | ivr.hangupAfterGoodbye | must be more than 0s (rule R5)",
            "ivr.maxInvalidInputs | 0 | ivr.maxInvalidInputs | must be at least 1",
            "ivr.agentKey | * | ivr.agentKey | \"*\" must be one key from 0-9 or # (* is back, rule R4)",
            "ivr.agentKey | 12 | ivr.agentKey | \"12\" must be one key from 0-9 or # (* is back, rule R4)",
            "ivr.agentQueue | vip | ivr.agentQueue | no queue named vip in queues",
            "ivr.menu.options[1].queue | vip | ivr.menu.options[1].queue | no queue named vip in queues",
            "ivr.menu.options[1].key | 0 | ivr.menu.options[1].key | 0 is reserved: 0 is the agent key and * is back (rule R4)",
            "ivr.menu.options[1].key | * | ivr.menu.options[1].key | * is reserved: 0 is the agent key and * is back (rule R4)",
            "ivr.menu.options[1].key | A | ivr.menu.options[1].key | \"A\" must be one key from 0-9 or # (rule R4)",
            "ivr.menu.options[1].key | 1 | ivr.menu.options[1].key | key 1 is already used by options[0] for en-US callers (rule R4)",
            "ivr.menu.options[1].language | en-US | ivr.menu.options[1] | set exactly one of queue, submenu, language (2 set)",
            "ivr.menu.options[2].language | fr-FR | ivr.menu.options[2].language | fr-FR is not in service.languages (rule R6)",
            "ivr.menu.options[3].language | en-US | ivr.menu.options[3].key | key 9 is already used by options[2] for zh-CN callers (rule R4)",
            "ivr.menu.options[0].submenu.options | [] | ivr.menu.options[0].submenu.options | a menu level needs at least one option (rule R4)",
            "ivr.menu.prompt | '' | ivr.menu.prompt | must not be empty",
            "hours.weekly[0].to | 08:00 | hours.weekly[0].to | 08:00 must be after from 08:30 (windows do not span midnight)",
            "hours.alwaysOpen | true | hours.alwaysOpen | true, yet weekly windows are listed: choose one (rule R19)",
            "hours.afterHours.action | FORWARD | hours.afterHours.forwardUri | FORWARD needs a sip: URI of the on-call line, or a tel: number dialled through the trunk (rule R19)",
            "hours.afterHours.forwardUri | sip:oncall@example.com | hours.afterHours.forwardUri | is only used with action FORWARD; the action is MESSAGE",
            "hours.afterHours.action | VOICEMAIL | hours.afterHours.action | \"VOICEMAIL\" is not one of MESSAGE, FORWARD",
            "holidays.springFestivalDays | 20 | holidays.springFestivalDays | 20 must be 1-15: 春节 runs from lunar 1/1 to 元宵 on 1/15 (rule R2)",
            "holidays.extraDates | [2026-13-01] | holidays.extraDates[0] | \"2026-13-01\" is not valid here: expected a date like 2026-10-01",
            "queues[1].name | general | queues[1].name | queue general is defined twice",
            "service.timeZone | Mars/Olympus | service.timeZone | \"Mars/Olympus\" is not valid here: expected a time zone like Asia/Shanghai",
            "metrics.shortAbandonThreshold | 31s | metrics.shortAbandonThreshold | 31s must be 0s-30s: a caller who waited longer gave up on a real wait",
            "metrics.shortAbandonThreshold | 20s | metrics.shortAbandonThreshold | 20s must be below queue general's serviceLevel.threshold 20s, or callers who gave up within it would vanish from its service level",
            "metrics.answerRateTargetPercent | 0 | metrics.answerRateTargetPercent | 0 must be 1-100 (%)",
            "metrics.answerRateTargetPercent | 101 | metrics.answerRateTargetPercent | 101 must be 1-100 (%)",
            "metrics.shortAbandonThreshold | 5 | metrics.shortAbandonThreshold | \"5\" is not valid here: write a duration as a whole number and a unit: 500ms, 5s, 2m or 1h",
    })
    void rejectsABrokenRuleNamingTheKeyAndReason(String key, String value, String failingKey, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> OfficeHours.config(Map.of(key, value)));

        assertEquals(failingKey, e.key(), e.getMessage());
        assertEquals(reason, e.reason());
    }

    @Test
    void acceptsTheThreeRingLimitItself() {
        assertEquals(Duration.ofSeconds(10), ConfigLoader.loadDefault(Map.of("sip.ringDelay", "10s")).sip().ringDelay());
    }

    @Test
    void namesTheFileForAProblemTheOverrideDidNotCause() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("hours.afterHours.action", "FORWARD")));

        assertEquals(ConfigLoader.DEFAULT_SOURCE, e.source());
    }

    @Test
    void metricsDefaultToFiveSecondShortAbandonsAndANinetyPercentAnswerRateAndZeroDisablesShortAbandons() {
        MetricsConfig defaults = ConfigLoader.loadDefault(Map.of()).metrics();
        MetricsConfig none = ConfigLoader.loadDefault(Map.of("metrics.shortAbandonThreshold", "0s")).metrics();

        assertEquals(new MetricsConfig(Duration.ofSeconds(5), 90), defaults);
        assertEquals(Duration.ZERO, none.shortAbandonThreshold());
    }

    @Test
    void acceptsOtherSilenceTimeoutsThanRuleR5s() {
        assertEquals(Duration.ofMillis(2500),
                ConfigLoader.loadDefault(Map.of("ivr.noInputTimeout", "2500ms")).ivr().noInputTimeout());
    }
}
