package org.hotline.prompt;

import static org.hotline.prompt.SpokenNumbers.ENGLISH;
import static org.hotline.prompt.SpokenNumbers.MANDARIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpokenNumbersTest {

    @Test
    void readsWorkNumberDigitByDigit() {
        assertEquals(List.of("digit.1", "digit.0", "digit.0", "digit.7"), SpokenNumbers.digits("1007", MANDARIN));
        assertEquals(List.of("digit.1", "digit.0", "digit.0", "digit.7"), SpokenNumbers.digits("1007", ENGLISH));
    }

    @Test
    void readsStarAndHashKeys() {
        assertEquals(List.of("digit.star", "digit.9", "digit.hash"), SpokenNumbers.digits("*9#", ENGLISH));
    }

    @Test
    void rejectsCharacterThatIsNotAKey() {
        assertThrows(IllegalArgumentException.class, () -> SpokenNumbers.digits("12a", MANDARIN));
    }

    @Test
    void countsInMandarin() {
        assertEquals(List.of("num.0"), SpokenNumbers.cardinal(0, MANDARIN));
        assertEquals(List.of("num.7"), SpokenNumbers.cardinal(7, MANDARIN));
        assertEquals(List.of("num.10"), SpokenNumbers.cardinal(10, MANDARIN));
        assertEquals(List.of("num.10", "num.5"), SpokenNumbers.cardinal(15, MANDARIN));
        assertEquals(List.of("num.2", "num.10"), SpokenNumbers.cardinal(20, MANDARIN));
        assertEquals(List.of("num.2", "num.10", "num.3"), SpokenNumbers.cardinal(23, MANDARIN));
        assertEquals(List.of("num.1", "num.hundred", "num.0", "num.5"), SpokenNumbers.cardinal(105, MANDARIN));
        assertEquals(List.of("num.1", "num.hundred", "num.1", "num.10"), SpokenNumbers.cardinal(110, MANDARIN));
        assertEquals(List.of("num.1", "num.hundred", "num.1", "num.10", "num.5"),
                SpokenNumbers.cardinal(115, MANDARIN));
        assertEquals(List.of("num.2", "num.hundred"), SpokenNumbers.cardinal(200, MANDARIN));
        assertEquals(List.of("num.9", "num.hundred", "num.9", "num.10", "num.9"), SpokenNumbers.cardinal(999, MANDARIN));
    }

    @Test
    void countsInEnglish() {
        assertEquals(List.of("num.0"), SpokenNumbers.cardinal(0, ENGLISH));
        assertEquals(List.of("num.15"), SpokenNumbers.cardinal(15, ENGLISH));
        assertEquals(List.of("num.20"), SpokenNumbers.cardinal(20, ENGLISH));
        assertEquals(List.of("num.20", "num.3"), SpokenNumbers.cardinal(23, ENGLISH));
        assertEquals(List.of("num.1", "num.hundred", "num.5"), SpokenNumbers.cardinal(105, ENGLISH));
        assertEquals(List.of("num.1", "num.hundred", "num.15"), SpokenNumbers.cardinal(115, ENGLISH));
        assertEquals(List.of("num.2", "num.hundred"), SpokenNumbers.cardinal(200, ENGLISH));
        assertEquals(List.of("num.9", "num.hundred", "num.90", "num.9"), SpokenNumbers.cardinal(999, ENGLISH));
    }

    @Test
    void everyNumberUpTo999IsSaidWithPromptsThatExist() {
        PromptsTsv table = PromptsTsv.read();
        for (String language : PromptsTsv.LANGUAGES) {
            Set<String> names = table.names(language);
            for (int n = 0; n <= 999; n++) {
                List<String> said = SpokenNumbers.cardinal(n, language);
                assertTrue(names.containsAll(said), language + " " + n + " -> " + said);
            }
            assertTrue(names.containsAll(SpokenNumbers.digits("0123456789*#", language)), language);
        }
    }

    @Test
    void rejectsNumbersOutsideZeroTo999() {
        assertThrows(IllegalArgumentException.class, () -> SpokenNumbers.cardinal(-1, MANDARIN));
        assertThrows(IllegalArgumentException.class, () -> SpokenNumbers.cardinal(1000, ENGLISH));
    }

    @Test
    void rejectsUnsupportedLanguage() {
        assertThrows(IllegalArgumentException.class, () -> SpokenNumbers.cardinal(5, "fr-FR"));
        assertThrows(IllegalArgumentException.class, () -> SpokenNumbers.digits("5", "fr-FR"));
    }
}
