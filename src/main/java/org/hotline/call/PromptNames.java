package org.hotline.call;

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

    private PromptNames() {
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
