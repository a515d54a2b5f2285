package org.hotline.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rule R4 on the menu tree: shallow, every option clear and reachable, the agent key free on every level. */
final class MenuValidator {

    /** Rule R4: at most three levels. */
    static final int MAX_LEVELS = 3;
    /** Goes up one level on sub-levels, so no option may use it. */
    static final String BACK_KEY = "*";
    private static final String KEYS = "0123456789*#";

    private final ConfigValidator config;
    private final String agentKey;
    private final Set<String> queues;
    private final Set<String> languages;

    MenuValidator(ConfigValidator config, String agentKey, Set<String> queues, Set<String> languages) {
        this.config = config;
        this.agentKey = agentKey;
        this.queues = queues;
        this.languages = languages;
    }

    static boolean isKey(String key) {
        return key.length() == 1 && KEYS.contains(key);
    }

    void check(MenuConfig menu, String key) {
        checkLevel(menu, key, 1);
    }

    private void checkLevel(MenuConfig level, String key, int depth) {
        if (depth > MAX_LEVELS) {
            throw config.fail(key, "menu has " + depth + " levels, at most " + MAX_LEVELS + " allowed (rule R4)");
        }
        config.requireText(level.prompt(), key + ".prompt");
        List<MenuOption> options = config.require(level.options(), key + ".options");
        if (options.isEmpty()) {
            throw config.fail(key + ".options", "a menu level needs at least one option (rule R4)");
        }
        for (int i = 0; i < options.size(); i++) {
            checkOption(config.require(options.get(i), key + ".options[" + i + "]"), key + ".options[" + i + "]", depth);
        }
        checkKeysPerLanguage(options, key);
    }

    private void checkOption(MenuOption option, String key, int depth) {
        String digit = config.requireText(option.key(), key + ".key");
        if (!isKey(digit)) {
            throw config.fail(key + ".key", "\"" + digit + "\" must be one key from 0-9 or # (rule R4)");
        }
        if (digit.equals(BACK_KEY) || digit.equals(agentKey)) {
            throw config.fail(key + ".key", digit + " is reserved: " + agentKey + " is the agent key and * is back (rule R4)");
        }
        config.requireText(option.prompt(), key + ".prompt");
        int targets = (option.queue() != null ? 1 : 0) + (option.submenu() != null ? 1 : 0) + (option.language() != null ? 1 : 0);
        if (targets != 1) {
            throw config.fail(key, "set exactly one of queue, submenu, language (" + targets + " set)");
        }
        if (option.queue() != null && !queues.contains(option.queue())) {
            throw config.fail(key + ".queue", "no queue named " + option.queue() + " in queues");
        }
        if (option.language() != null && !languages.contains(option.language())) {
            throw config.fail(key + ".language", option.language() + " is not in service.languages (rule R6)");
        }
        if (option.submenu() != null) {
            checkLevel(option.submenu(), key + ".submenu", depth + 1);
        }
    }

    /** Keys are unique among the options one caller hears; language options hide from their own language. */
    private void checkKeysPerLanguage(List<MenuOption> options, String key) {
        for (String language : languages.stream().sorted().toList()) {
            Map<String, Integer> seen = new HashMap<>();
            int offered = 0;
            for (int i = 0; i < options.size(); i++) {
                if (!options.get(i).offeredTo(language)) {
                    continue;
                }
                offered++;
                Integer earlier = seen.putIfAbsent(options.get(i).key(), i);
                if (earlier != null) {
                    throw config.fail(key + ".options[" + i + "].key", "key " + options.get(i).key()
                            + " is already used by options[" + earlier + "] for " + language + " callers (rule R4)");
                }
            }
            if (offered == 0) {
                throw config.fail(key + ".options", "offers nothing to " + language + " callers (rule R4)");
            }
        }
    }
}
