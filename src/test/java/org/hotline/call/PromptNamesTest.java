package org.hotline.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.hotline.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class PromptNamesTest {

    @Test
    void listsEveryPromptTheDemoMenuMayPlay() {
        Set<String> names = PromptNames.playedWith(ConfigLoader.loadDefault(Map.of()).ivr());

        assertTrue(names.containsAll(PromptNames.FIXED));
        assertTrue(names.containsAll(Set.of("menu.main", "menu.billing", "menu.option.billing", "menu.option.repair",
                "menu.option.bill-query", "menu.option.payment", "menu.option.english", "menu.option.chinese",
                "digit.0", "digit.1", "digit.2", "digit.9", "digit.star")), names.toString());
        assertEquals(PromptNames.FIXED.size() + 13, names.size(), names.toString());
    }

    @Test
    void namesKeysAsTheDigitPrompts() {
        assertEquals("digit.7", PromptNames.digit('7'));
        assertEquals("digit.star", PromptNames.digit('*'));
        assertEquals("digit.hash", PromptNames.digit('#'));
    }
}
