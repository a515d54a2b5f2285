package org.hotline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.hotline.config.ConfigDefaults;
import org.hotline.sip.registrar.DigestCredential;
import org.hotline.sip.registrar.DigestCredentials;

/**
 * {@code hotline hash-password <workNumber> [realm]}: reads an agent's password without echo from
 * the console (twice), or as one line from standard input when there is no console, and prints the
 * two lines to paste into the agent's {@code agents.members} entry. Only HA1 hashes are stored,
 * never the password (RFC 7616 §3.4.2). The password is wiped from memory once hashed.
 */
final class PasswordHasher {

    static final String COMMAND = "hash-password";
    private static final Pattern WORK_NUMBER = Pattern.compile("[0-9]{1,16}");
    private static final int EXIT_OK = 0;
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_USAGE = 64;

    private PasswordHasher() {
    }

    /** Runs the command; returns the exit code. */
    static int run(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: hotline hash-password <workNumber> [realm]");
            return EXIT_USAGE;
        }
        String workNumber = args[1];
        String realm = args.length == 3 ? args[2] : ConfigDefaults.AGENTS_REALM;
        if (!WORK_NUMBER.matcher(workNumber).matches()) {
            System.err.println("hotline: the work number is 1-16 digits (rule R3): " + workNumber);
            return EXIT_USAGE;
        }
        if (realm.isBlank() || realm.contains(":") || realm.contains("\"")) {
            System.err.println("hotline: the realm must be non-empty without ':' or '\"': " + realm);
            return EXIT_USAGE;
        }
        char[] password = null;
        try {
            password = PasswordPrompt.read("Password for " + workNumber + " in realm " + realm + ": ");
            if (password.length == 0) {
                System.err.println("hotline: empty password");
                return EXIT_FAILED;
            }
            print(DigestCredentials.hash(workNumber, realm, password), System.out);
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

    /** The two lines for the configuration, indented as an {@code agents.members} entry's keys. */
    static void print(DigestCredential credential, PrintStream out) {
        out.println("      ha1Md5: " + credential.ha1Md5());
        out.println("      ha1Sha256: " + credential.ha1Sha256());
    }
}
