package org.hotline.call;

import java.util.Set;
import java.util.TreeSet;
import org.hotline.config.IvrConfig;
import org.hotline.config.MenuConfig;
import org.hotline.config.MenuOption;

/**
 * The fixed prompt names the call flow plays, as listed in PROMPT-NAMES.md. Menu option prompts
 * come from the configuration; {@link #digit} names a key's prompt.
 */
public final class PromptNames {

    public static final String GREETING_MORNING = "greeting.morning";
    public static final String GREETING_NOON = "greeting.noon";
    public static final String GREETING_AFTERNOON = "greeting.afternoon";
    public static final String GREETING_HELLO = "greeting.hello";
    public static final String GREETING_SPRING_FESTIVAL = "greeting.spring-festival";
    public static final String GREETING_HOLIDAY = "greeting.holiday";
    public static final String GREETING_WELCOME = "greeting.welcome";

    public static final String MENU_AGENT = "menu.agent";
    public static final String MENU_BACK = "menu.back";
    public static final String MENU_PRESS = "menu.press";
    public static final String MENU_INVALID = "menu.invalid";

    public static final String SILENT_GOODBYE = "silent.goodbye";

    public static final String TRANSFER_CONNECTING = "transfer.connecting";
    public static final String TRANSFER_FAILED = "transfer.failed";

    public static final String CLOSING_NORMAL = "closing.normal";
    public static final String CLOSING_HOLIDAY = "closing.holiday";
    public static final String SURVEY_ASK = "survey.ask";
    public static final String SURVEY_THANKS = "survey.thanks";

    public static final String AFTER_HOURS_CLOSED = "after-hours.closed";
    public static final String AFTER_HOURS_ONCALL = "after-hours.oncall";
    public static final String FALLBACK_SORRY = "fallback.sorry";

    /** Every fixed name above, in each language the flow may play it. */
    public static final Set<String> FIXED = Set.of(
            GREETING_MORNING, GREETING_NOON, GREETING_AFTERNOON, GREETING_HELLO, GREETING_SPRING_FESTIVAL,
            GREETING_HOLIDAY, GREETING_WELCOME, MENU_AGENT, MENU_BACK, MENU_PRESS, MENU_INVALID, SILENT_GOODBYE,
            TRANSFER_CONNECTING, TRANSFER_FAILED, CLOSING_NORMAL, CLOSING_HOLIDAY, SURVEY_ASK, SURVEY_THANKS,
            AFTER_HOURS_CLOSED, AFTER_HOURS_ONCALL, FALLBACK_SORRY);

    private PromptNames() {
    }

    /**
     * Every prompt the call flow may play with this menu: the fixed names, each level's and
     * option's prompt, and the digits of the keys announced. The composition root checks that
     * each exists in every configured language before the server starts.
     */
    public static Set<String> playedWith(IvrConfig ivr) {
        Set<String> names = new TreeSet<>(FIXED);
        names.add(digit(ivr.agentKey().charAt(0)));
        names.add(digit(MenuAnnouncement.BACK_KEY));
        addLevel(names, ivr.menu());
        return names;
    }

    private static void addLevel(Set<String> names, MenuConfig level) {
        names.add(level.prompt());
        for (MenuOption option : level.options()) {
            names.add(option.prompt());
            names.add(digit(option.key().charAt(0)));
            if (option.submenu() != null) {
                addLevel(names, option.submenu());
            }
        }
    }

    /** The prompt reading one key: {@code digit.0}..{@code digit.9}, {@code digit.star}, {@code digit.hash}. */
    public static String digit(char key) {
        return switch (key) {
            case '*' -> "digit.star";
            case '#' -> "digit.hash";
            default -> "digit." + key;
        };
    }
}
