package org.hotline.config;

import java.util.List;

/**
 * One menu level (rule R4: at most three levels). {@code prompt} introduces the level; each
 * option's own prompt announces its key; the agent key's announcement is added on every level.
 */
public record MenuConfig(String prompt, List<MenuOption> options) {
}
