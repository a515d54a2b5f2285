package org.hotline;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.hotline.qa.ApiPasswords;

/**
 * {@code hotline hash-api-password <name>}: reads an API user's password without echo from the
 * console (twice), or as one line from standard input when there is no console, and prints the
 * {@code passwordHash:} line for the user's {@code qa.users} entry (PBKDF2-HMAC-SHA256, never
 * the password). The password is wiped from memory once hashed. Like {@link PasswordHasher}.
 */
final class ApiPasswordHasher {

    static final String COMMAND = "hash-api-password";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int EXIT_OK = 0;
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_USAGE = 64;

    private ApiPasswordHasher() {
    }

    /** Runs the command; returns the exit code. */
    static int run(String[] args) {
        if (args.length != 2 || !NAME.matcher(args[1]).matches()) {
            System.err.println("usage: hotline hash-api-password <name>   (name: 1-64 letters, digits, '.', '_' or '-')");
            return EXIT_USAGE;
        }
        char[] password = null;
        try {
            password = readPassword(args[1]);
            if (password.length == 0) {
                System.err.println("hotline: empty password");
                return EXIT_FAILED;
            }
            System.out.println("      passwordHash: " + ApiPasswords.hash(password, ApiPasswords.ITERATIONS));
            return EXIT_OK;
        } catch (IOException | IllegalStateException e) {
            System.err.println("hotline: " + e.getMessage());
            return EXIT_FAILED;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static char[] readPassword(String name) throws IOException {
        Console console = System.console();
        if (console != null && System.in.available() == 0 && isInteractive(console)) {
            char[] first = console.readPassword("Password for API user %s: ", name);
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
