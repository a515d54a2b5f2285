package org.hotline.call;

import java.util.ArrayList;
import java.util.List;
import org.hotline.config.MenuConfig;
import org.hotline.config.MenuOption;

/**
 * Composes a menu level's announcement (rule R4): the level's prompt, then each option offered to
 * the caller's language as [option prompt, menu.press, digit.key], then the agent key, and on
 * sub-levels the back key.
 */
final class MenuAnnouncement {

    static final char BACK_KEY = '*';

    private MenuAnnouncement() {
    }

    static List<String> of(MenuConfig level, boolean subLevel, String language, char agentKey) {
        List<String> names = new ArrayList<>();
        names.add(level.prompt());
        for (MenuOption option : level.options()) {
            if (option.offeredTo(language)) {
                announce(names, option.prompt(), option.key().charAt(0));
            }
        }
        announce(names, PromptNames.MENU_AGENT, agentKey);
        if (subLevel) {
            announce(names, PromptNames.MENU_BACK, BACK_KEY);
        }
        return names;
    }

    private static void announce(List<String> names, String what, char key) {
        names.add(what);
        names.add(PromptNames.MENU_PRESS);
        names.add(PromptNames.digit(key));
    }
}
