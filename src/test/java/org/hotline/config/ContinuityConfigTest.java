package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 8's sections (trunk, callback R12, messages and overload R20): defaults and the errors that stop start-up. */
class ContinuityConfigTest {

    private static final Map<String, String> TRUNK = Map.of("trunk.enabled", "true",
            "trunk.proxy.host", "sip.example.net");

    @Test
    void defaultsNeedNoTrunkOfferNoCallbackTakeMessagesAndAdmitEveryCall() {
        HotlineConfig config = ConfigLoader.loadDefault(Map.of());

        assertFalse(config.trunk().enabled());
        assertTrue(config.queues().stream().noneMatch(QueueConfig::offersCallback));
        assertEquals(ConfigDefaults.CALLBACK_MAX_ATTEMPTS, config.callback().maxAttempts());
        assertEquals(ConfigDefaults.CALLBACK_INITIAL_DELAY, config.callback().initialDelay());
        assertTrue(config.messages().enabled());
        assertEquals(Path.of("data/messages"), config.messages().directory());
        assertEquals(ConfigDefaults.MESSAGES_MAX_LENGTH, config.messages().maxLength());
        assertFalse(config.overload().limited());
        assertEquals(OverloadConfig.Treatment.MESSAGE, config.overload().treatment());
    }

    @Test
    void anEnabledTrunkTakesItsDomainFromTheProxyAndTheCallerIdFromTheFirstServiceNumber() {
        HotlineConfig config = ConfigLoader.loadDefault(TRUNK);

        assertEquals("sip.example.net", config.trunk().domain());
        assertEquals("4008001234", config.trunk().callerId());
        assertEquals(5060, config.trunk().proxy().port());
        assertEquals("udp", config.trunk().proxy().transport());
        assertFalse(config.trunk().registration().enabled());
        assertFalse(config.trunk().auth().present());
    }

    @Test
    void aQueueOfferingCallbacksNeedsTheTrunk() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("queues[0].callbackAfter", "2m")));

        assertEquals("queues[0].callbackAfter", e.key());
        assertTrue(e.reason().contains("trunk.enabled"), e.reason());
    }

    @Test
    void aQueueWithTheTrunkOffersCallbacksAfterItsThreshold() {
        HotlineConfig config = ConfigLoader.loadDefault(with(TRUNK, "queues[0].callbackAfter", "90s"));

        assertEquals(Duration.ofSeconds(90), config.queues().getFirst().callbackAfter());
        assertTrue(config.queues().getFirst().offersCallback());
    }

    @Test
    void aTelOnCallLineNeedsTheTrunk() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.loadDefault(Map.of(
                "hours.afterHours.action", "FORWARD", "hours.afterHours.forwardUri", "tel:13800138000")));

        assertEquals("hours.afterHours.forwardUri", e.key());
        assertTrue(e.reason().contains("rule R19"), e.reason());
    }

    @Test
    void registeringNeedsCredentials() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(with(TRUNK, "trunk.registration.enabled", "true")));

        assertEquals("trunk.registration.enabled", e.key());
    }

    @Test
    void theCallerIdMustBeANumber() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(with(TRUNK, "trunk.callerId", "hotline")));

        assertEquals("trunk.callerId", e.key());
    }

    @Test
    void theTrunkTransportMustBeOneWeListenOn() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.loadDefault(
                with(with(TRUNK, "trunk.proxy.transport", "tcp"), "sip.transports", "[udp]")));

        assertEquals("trunk.proxy.transport", e.key());
    }

    @Test
    void aNegativeCallLimitAndAnUnknownTreatmentStopStartUp() {
        ConfigException negative = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("overload.maxCalls", "-1")));
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("overload.treatment", "drop")));

        assertEquals("overload.maxCalls", negative.key());
        assertEquals("overload.treatment", unknown.key());
    }

    @Test
    void theCallbackKeysMustDiffer() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("callback.otherKey", "1")));

        assertEquals("callback.otherKey", e.key());
    }

    @Test
    void messagesMayNotBeLongerThanTenMinutes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadDefault(Map.of("messages.maxLength", "1h")));

        assertEquals("messages.maxLength", e.key());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(base);
        all.put(key, value);
        return all;
    }
}
