package org.hotline.config;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Issue 8's sections: the outbound trunk, callbacks (rule R12), messages and overload (rule R20),
 * and what other sections ask of them (a queue offering callbacks or a {@code tel:} on-call line
 * needs the trunk). Errors name the key like every other validator.
 */
final class ContinuityValidator {

    /** A caller ID or a number to dial: digits, optionally after a {@code +}. */
    static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    static final Duration MIN_CALLBACK_AFTER = Duration.ofSeconds(10);
    static final Duration MAX_CALLBACK_AFTER = Duration.ofHours(1);

    private final ConfigValidator config;

    ContinuityValidator(ConfigValidator config) {
        this.config = config;
    }

    void check(HotlineConfig hotline) {
        TrunkConfig trunk = config.require(hotline.trunk(), "trunk");
        if (trunk.enabled()) {
            checkTrunk(trunk, hotline.sip().transports());
        }
        checkCallback(config.require(hotline.callback(), "callback"));
        checkMessages(config.require(hotline.messages(), "messages"));
        checkOverload(config.require(hotline.overload(), "overload"));
        checkTrunkUsers(hotline, trunk.enabled());
    }

    private void checkTrunk(TrunkConfig trunk, List<String> transports) {
        TrunkConfig.Proxy proxy = config.require(trunk.proxy(), "trunk.proxy");
        config.requireText(proxy.host(), "trunk.proxy.host");
        if (proxy.port() < 1 || proxy.port() > ConfigValidator.PORT_CEILING) {
            throw config.fail("trunk.proxy.port", proxy.port() + " is not a port (1-" + ConfigValidator.PORT_CEILING + ")");
        }
        String transport = config.requireText(proxy.transport(), "trunk.proxy.transport");
        if (!transports.contains(transport)) {
            throw config.fail("trunk.proxy.transport", transport + " is not one of sip.transports " + transports
                    + ": requests to the trunk go out on Hotline's own listening points");
        }
        config.requireText(trunk.domain(), "trunk.domain");
        String callerId = config.requireText(trunk.callerId(), "trunk.callerId");
        if (!PHONE_NUMBER.matcher(callerId).matches()) {
            throw config.fail("trunk.callerId", "\"" + callerId + "\" must be a number: 3-20 digits, optionally after +");
        }
        TrunkConfig.Auth auth = config.require(trunk.auth(), "trunk.auth");
        if (auth.present() && (auth.password() == null || auth.password().isEmpty())) {
            throw config.fail("trunk.auth.password", "missing for user " + auth.username());
        }
        TrunkConfig.Registration registration = config.require(trunk.registration(), "trunk.registration");
        if (registration.enabled() && !auth.present()) {
            throw config.fail("trunk.registration.enabled", "registering needs trunk.auth.username and password;"
                    + " a trunk that knows Hotline by its IP address needs no registration");
        }
        within(registration.expires(), "trunk.registration.expires", Duration.ofMinutes(1), Duration.ofHours(24));
        within(trunk.ringTimeout(), "trunk.ringTimeout", Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    private void checkCallback(CallbackConfig callback) {
        String key = key(callback.key(), "callback.key");
        String confirm = key(callback.confirmKey(), "callback.confirmKey");
        String other = key(callback.otherKey(), "callback.otherKey");
        if (confirm.equals(other)) {
            throw config.fail("callback.otherKey", other + " is already callback.confirmKey (rule R4: one key, one meaning)");
        }
        for (String[] used : List.of(new String[] {key, "callback.key"}, new String[] {confirm, "callback.confirmKey"},
                new String[] {other, "callback.otherKey"})) {
            if (used[0].equals("#") || used[0].equals("*")) {
                throw config.fail(used[1], used[0] + " is reserved: # ends a keyed-in number and * cancels");
            }
        }
        within(callback.inputTimeout(), "callback.inputTimeout", Duration.ofSeconds(3), Duration.ofMinutes(1));
        within(callback.initialDelay(), "callback.initialDelay", Duration.ZERO, Duration.ofHours(1));
        if (callback.maxAttempts() < 1 || callback.maxAttempts() > 10) {
            throw config.fail("callback.maxAttempts", callback.maxAttempts() + " must be 1-10");
        }
        within(callback.minInterval(), "callback.minInterval", Duration.ofSeconds(10), Duration.ofHours(1));
    }

    private void checkMessages(MessagesConfig messages) {
        String key = key(messages.key(), "messages.key");
        if (key.equals("#") || key.equals("*")) {
            throw config.fail("messages.key", key + " is reserved: # ends a message");
        }
        config.require(messages.directory(), "messages.directory");
        within(messages.maxLength(), "messages.maxLength", Duration.ofSeconds(10), Duration.ofMinutes(10));
        within(messages.silence(), "messages.silence", Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    private void checkOverload(OverloadConfig overload) {
        if (overload.maxCalls() < 0) {
            throw config.fail("overload.maxCalls", overload.maxCalls() + " must be 0 (no limit) or more");
        }
        config.require(overload.treatment(), "overload.treatment");
        within(overload.retryAfter(), "overload.retryAfter", Duration.ofSeconds(1), Duration.ofHours(1));
    }

    /** A queue's callback offer and a tel: on-call line both dial out: they need the trunk. */
    private void checkTrunkUsers(HotlineConfig hotline, boolean trunkEnabled) {
        List<QueueConfig> queues = hotline.queues();
        for (int i = 0; i < queues.size(); i++) {
            Duration after = config.require(queues.get(i).callbackAfter(), "queues[" + i + "].callbackAfter");
            if (after.isZero()) {
                continue;
            }
            within(after, "queues[" + i + "].callbackAfter", MIN_CALLBACK_AFTER, MAX_CALLBACK_AFTER);
            if (!trunkEnabled) {
                throw config.fail("queues[" + i + "].callbackAfter", "a callback (rule R12) is dialled through the"
                        + " trunk: set trunk.enabled and its proxy, or 0s to offer no callback");
            }
        }
        String forward = hotline.hours().afterHours().forwardUri();
        if (forward != null && forward.startsWith("tel:")) {
            // rule R19: standalone callers through Hotline's trunk, AGI callers through Asterisk's (agi.outboundDial)
            if (!trunkEnabled && !hotline.agi().enabled()) {
                throw config.fail("hours.afterHours.forwardUri", forward + " is dialled through the trunk:"
                        + " set trunk.enabled (or agi.enabled: Asterisk's trunk), or forward to a sip: URI by REFER (rule R19)");
            }
            String number = forward.substring("tel:".length());
            if (!PHONE_NUMBER.matcher(number).matches()) {
                throw config.fail("hours.afterHours.forwardUri", "\"" + number + "\" must be a number: 3-20 digits,"
                        + " optionally after +");
            }
        }
    }

    private String key(String value, String key) {
        String text = config.requireText(value, key);
        if (!MenuValidator.isKey(text)) {
            throw config.fail(key, "\"" + text + "\" must be one key from 0-9, * or #");
        }
        return text;
    }

    private void within(Duration value, String key, Duration min, Duration max) {
        config.require(value, key);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw config.fail(key, DurationFormat.format(value) + " must be " + DurationFormat.format(min) + "-"
                    + DurationFormat.format(max));
        }
    }
}
