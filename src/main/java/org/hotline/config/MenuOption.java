package org.hotline.config;

/**
 * One key of a menu level. Exactly one of {@code queue} (hand to the ACD) and {@code submenu}
 * (go one level down) is set; {@code prompt} announces the option, e.g. "查询账单请按1".
 */
public record MenuOption(String key, String prompt, String queue, MenuConfig submenu) {
}
