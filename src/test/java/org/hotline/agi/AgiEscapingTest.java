package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.junit.jupiter.api.Test;

/**
 * Values with spaces, quotes, backslashes, commas, parentheses and brackets reach Asterisk as
 * written: asterisk-java quotes for res_agi.c's parse_args, {@link AppArgs} escapes for the
 * application's own argument parsing (both read back with {@link AsteriskParsing}, ported from C).
 */
class AgiEscapingTest {

    private static final String AWKWARD = "he said \"no\" \\ then, (maybe) [later] 'ok'";
    private static final String AWKWARD_PATH = "/var/spool/hot line/a,b (c) [d] \"e\" \\f.wav";

    @Test
    void setVariableCarriesSpacesQuotesBackslashesAndCommas() {
        String line = new SetVariableCommand("HOTLINE_ERROR", AWKWARD).buildCommand();

        assertEquals(List.of("SET", "VARIABLE", "HOTLINE_ERROR", AWKWARD), AsteriskParsing.agiWords(line));
    }

    @Test
    void streamFileCarriesAPathWithSpacesAndAnEmptyEscapeDigitList() {
        String line = new StreamFileCommand("/var/lib/hot line/zh-CN/menu.main", "").buildCommand();

        assertEquals(List.of("STREAM", "FILE", "/var/lib/hot line/zh-CN/menu.main", ""), AsteriskParsing.agiWords(line));
    }

    @Test
    void execGivesTheApplicationEachArgumentAsWritten() {
        String line = new ExecCommand("MixMonitor", AppArgs.escape(AWKWARD_PATH), "b").buildCommand();
        List<String> words = AsteriskParsing.agiWords(line);

        assertEquals(List.of("EXEC", "MixMonitor"), words.subList(0, 2));
        assertEquals(List.of(AWKWARD_PATH, "b"), AsteriskParsing.applicationArguments(words.get(2)));
    }

    @Test
    void withoutApplicationEscapingACommaWouldSplitTheArgument() {
        String line = new ExecCommand("MixMonitor", AWKWARD_PATH, "b").buildCommand();

        assertNotEquals(List.of(AWKWARD_PATH, "b"), AsteriskParsing.applicationArguments(AsteriskParsing.agiWords(line).get(2)));
    }

    @Test
    void escapesOnlyWhatTheApplicationParserTreatsSpecially() {
        assertEquals("PJSIP/trunk/sip:oncall@example.com", AppArgs.escape("PJSIP/trunk/sip:oncall@example.com"));
        assertEquals("a\\,b\\(c\\)\\[d\\]\\\"e\\\"\\\\", AppArgs.escape("a,b(c)[d]\"e\"\\"));
    }
}
