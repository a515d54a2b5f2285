package org.hotline;

import java.io.IOException;
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
            password = PasswordPrompt.read("Password for API user " + args[1] + ": ");
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
}
