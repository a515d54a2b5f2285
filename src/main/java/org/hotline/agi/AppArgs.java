package org.hotline.agi;

/**
 * Escapes one argument of a dialplan application run by {@code EXEC} (MixMonitor's file, Bridge's
 * channel), so that spaces, quotes, commas, parentheses and brackets reach the application as
 * written. Two layers read the text: res_agi.c's {@code parse_args} (quotes and backslashes of the
 * AGI line; asterisk-java's {@code buildCommand()} escapes for it) and then the application's
 * {@code AST_STANDARD_APP_ARGS}, main/app.c {@code __ast_app_separate_args}, which splits on
 * commas outside quotes, parentheses and brackets, drops quotes and takes the character after a
 * backslash literally. This class escapes for the second layer. Stateless.
 */
final class AppArgs {

    private static final String SPECIAL = "\\\",()[]";

    private AppArgs() {
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
