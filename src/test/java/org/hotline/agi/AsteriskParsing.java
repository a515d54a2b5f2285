package org.hotline.agi;

import java.util.ArrayList;
import java.util.List;

/**
 * How Asterisk reads back what Hotline writes, ported line by line for tests from its C source:
 * {@code parse_args} of res/res_agi.c (an AGI command line into words: double quotes group, a
 * backslash makes the next character literal) and {@code __ast_app_separate_args} of main/app.c
 * with {@code remove_chars} (an application's data into arguments at commas outside quotes,
 * parentheses and brackets; quotes and backslashes removed, the character after a backslash
 * taken literally), which {@code AST_STANDARD_APP_ARGS} uses for MixMonitor, Bridge and Dial.
 */
final class AsteriskParsing {

    private AsteriskParsing() {
    }

    /** res_agi.c parse_args(). */
    static List<String> agiWords(String line) {
        List<StringBuilder> words = new ArrayList<>();
        boolean quoted = false;
        boolean escaped = false;
        boolean whitespace = true;
        for (char c : line.toCharArray()) {
            if (c == '"' && !escaped) {
                quoted = !quoted;
                if (quoted && whitespace) {
                    words.add(new StringBuilder());
                    whitespace = false;
                }
                continue;
            }
            if ((c == ' ' || c == '\t') && !quoted && !escaped) {
                whitespace = true;
                continue;
            }
            if (c == '\\' && !escaped) {
                escaped = true;
                continue;
            }
            if (whitespace) {
                words.add(new StringBuilder());
                whitespace = false;
            }
            words.getLast().append(c);
            escaped = false;
        }
        return words.stream().map(StringBuilder::toString).toList();
    }

    /** app.c __ast_app_separate_args(buf, ',', 1, ...). */
    static List<String> applicationArguments(String data) {
        List<String> arguments = new ArrayList<>();
        if (data.isEmpty()) {
            return arguments;
        }
        StringBuilder current = new StringBuilder();
        int paren = 0;
        int bracket = 0;
        boolean quote = false;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '(') {
                paren++;
            } else if (c == ')') {
                paren = Math.max(0, paren - 1);
            } else if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket = Math.max(0, bracket - 1);
            } else if (c == '"') {
                quote = !quote;
                continue;
            } else if (c == '\\') {
                if (i + 1 < data.length()) {
                    current.append(data.charAt(++i));
                }
                continue;
            } else if (c == ',' && paren == 0 && !quote && bracket == 0) {
                arguments.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        arguments.add(current.toString());
        return arguments;
    }
}
