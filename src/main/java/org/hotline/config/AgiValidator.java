package org.hotline.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code agi:} section. Shape and ranges are checked whatever {@code enabled} says; what only
 * matters to a running front (the AMI secret, absolute paths, a music class for every queue's music)
 * is required when it is enabled.
 */
final class AgiValidator {

    /** A musiconhold.conf section or dialplan context name: no spaces, commas or brackets. */
    private static final Pattern ASTERISK_NAME = Pattern.compile("[A-Za-z0-9_.+-]+");

    private final ConfigValidator config;

    AgiValidator(ConfigValidator config) {
        this.config = config;
    }

    void check(AgiConfig agi, List<QueueConfig> queues) {
        config.requireText(agi.bindAddress(), "agi.bindAddress");
        if (agi.port() < 0 || agi.port() > ConfigValidator.PORT_CEILING) {
            throw config.fail("agi.port", agi.port() + " is not a port (0-" + ConfigValidator.PORT_CEILING + ", 0 picks a free one)");
        }
        if (agi.eventLoopThreads() < 0) {
            throw config.fail("agi.eventLoopThreads", "must be 0 (Netty's default) or more");
        }
        requireName(agi.holdMusicClass(), "agi.holdMusicClass");
        requireName(agi.agentContext(), "agi.agentContext");
        requirePlaceholder(agi.agentDialString(), AgiConfig.WORK_NUMBER, "agi.agentDialString");
        requirePlaceholder(agi.transferDialString(), AgiConfig.URI, "agi.transferDialString");
        requirePlaceholder(agi.outboundDial(), AgiConfig.NUMBER, "agi.outboundDial");
        Map<String, String> classes = config.require(agi.musicClasses(), "agi.musicClasses");
        classes.forEach((prompt, musicClass) -> requireName(musicClass, "agi.musicClasses." + prompt));
        String recordings = config.require(agi.recordingDirectory(), "agi.recordingDirectory");
        AgiConfig.AmiConfig ami = config.require(agi.ami(), "agi.ami");
        config.requireText(ami.host(), "agi.ami.host");
        if (ami.port() < 1 || ami.port() > ConfigValidator.PORT_CEILING) {
            throw config.fail("agi.ami.port", ami.port() + " is not a port (1-" + ConfigValidator.PORT_CEILING + ")");
        }
        config.requireText(ami.username(), "agi.ami.username");
        if (!agi.enabled()) {
            return;
        }
        requireAbsolute(agi.promptsDirectory(), "agi.promptsDirectory");
        if (!recordings.isEmpty()) {
            requireAbsolute(recordings, "agi.recordingDirectory");
        }
        requireAbsolute(agi.messageDirectory(), "agi.messageDirectory");
        if (ami.secret() == null || ami.secret().isBlank()) {
            throw config.fail("agi.ami.secret", "required with agi.enabled: the secret of the manager.conf user "
                    + ami.username());
        }
        for (int i = 0; i < queues.size(); i++) {
            String music = queues.get(i).musicOnHold();
            if (!classes.containsKey(music)) {
                throw config.fail("agi.musicClasses", "no music-on-hold class for " + music + ", the music of queue "
                        + queues.get(i).name() + " (queues[" + i + "].musicOnHold)");
            }
        }
    }

    private void requireName(String value, String key) {
        if (!ASTERISK_NAME.matcher(config.requireText(value, key)).matches()) {
            throw config.fail(key, "\"" + value + "\" must be letters, digits and _.+- only (an Asterisk name)");
        }
    }

    private void requirePlaceholder(String value, String placeholder, String key) {
        if (!config.requireText(value, key).contains(placeholder)) {
            throw config.fail(key, "\"" + value + "\" must contain " + placeholder);
        }
    }

    private void requireAbsolute(String path, String key) {
        if (!config.requireText(path, key).startsWith("/")) {
            throw config.fail(key, "\"" + path + "\" must be an absolute path as Asterisk sees it");
        }
    }
}
