package org.hotline;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a password for the hashing commands ({@link PasswordHasher}, {@link ApiPasswordHasher}):
 * without echo from a terminal, asked twice, or as one line from standard input when there is no
 * terminal (scripts). The caller wipes the returned array once hashed. Stateless; the main thread.
 */
final class PasswordPrompt {

    private PasswordPrompt() {
    }

    /**
     * @param prompt what the terminal shows first, e.g. {@code "Password for 1001 in realm hotline: "}
     * @throws IllegalStateException if the two entries differ or standard input is empty
     */
    static char[] read(String prompt) throws IOException {
        Console console = System.console();
        if (console != null && System.in.available() == 0 && isInteractive(console)) {
            char[] first = console.readPassword("%s", prompt);
            char[] again = console.readPassword("Again: ");
            try {
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new IllegalStateException("the two passwords differ");
                }
                return first;
            } finally {
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
            }
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalStateException("no password on standard input");
        }
        return line.toCharArray();
    }

    /** Java 22+ returns a console even for redirected streams; only a terminal may prompt. */
    private static boolean isInteractive(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: System.console() is null unless interactive
        }
    }
}
