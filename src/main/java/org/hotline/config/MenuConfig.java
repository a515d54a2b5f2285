package org.hotline.config;

import java.util.List;

/**
 * One menu level (rule R4: at most three levels). {@code prompt} introduces the level; each
 * option's own prompt announces its key; the agent key's announcement is added on every level,
 * and on sub-levels the back key {@code *}.
 *
 * @param prompt  prompt name introducing the level, e.g. {@code menu.main}; required
 * @param options at least one {@link MenuOption}
 */
public record MenuConfig(String prompt, List<MenuOption> options) {
}
