package org.hotline.config;

/**
 * One key of a menu level (rule R4). Exactly one of {@code queue} (hand the caller to that ACD
 * queue), {@code submenu} (go one level down) and {@code language} (switch the caller to that
 * language and replay the top menu, rule R6) is set.
 *
 * <p>A language option is offered only to callers who do not already speak its language, so two
 * language options may share a key: {@code 9 → en-US} announced with {@code menu.option.english}
 * to Mandarin callers, {@code 9 → zh-CN} announced with {@code menu.option.chinese} to English
 * callers. Keys must be unique among the options offered to any one language.
 *
 * @param key      a single key from {@code 0-9 #}; not {@code *} (back on sub-levels) nor the agent key
 * @param prompt   prompt name announcing the option, e.g. {@code menu.option.bill-query}; the flow
 *                 appends {@code menu.press} and {@code digit.<key>}
 * @param queue    queue name from {@code queues}, for a leaf
 * @param submenu  the next level down
 * @param language language tag from {@code service.languages}, for a language switch
 */
public record MenuOption(String key, String prompt, String queue, MenuConfig submenu, String language) {

    /** An option without a language switch (the record's shape before language options existed). */
    public MenuOption(String key, String prompt, String queue, MenuConfig submenu) {
        this(key, prompt, queue, submenu, null);
    }

    /** Whether callers currently speaking {@code callerLanguage} hear (and may press) this option. */
    public boolean offeredTo(String callerLanguage) {
        return language == null || !language.equals(callerLanguage);
    }
}
