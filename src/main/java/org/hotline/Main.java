package org.hotline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.hotline.config.ConfigException;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.prompt.PromptException;

/**
 * Command line: {@code hotline [--config FILE] [--set key=value ...]}. Loads and validates the
 * configuration (the embedded demo when no file is given), starts {@link Hotline}, and stops it on
 * SIGTERM/SIGINT. A bad configuration ends start-up with exit code 2 and one line naming the file,
 * the key and the reason. {@code hotline hash-password <workNumber> [realm]} prints an agent's
 * stored credential instead ({@link PasswordHasher}), {@code hotline hash-api-password <name>} an API
 * user's ({@link ApiPasswordHasher}).
 */
public final class Main {

    private static final int EXIT_BAD_CONFIG = 2;
    private static final int EXIT_USAGE = 64;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(PasswordHasher.COMMAND)) {
            System.exit(PasswordHasher.run(args));
            return;
        }
        if (args.length > 0 && args[0].equals(ApiPasswordHasher.COMMAND)) {
            System.exit(ApiPasswordHasher.run(args));
            return;
        }
        Path configFile = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> configFile = Path.of(value(args, ++i, "--config FILE"));
                case "--set" -> {
                    String setting = value(args, ++i, "--set key=value");
                    int eq = setting.indexOf('=');
                    if (eq <= 0) {
                        usage("--set needs key=value, got: " + setting);
                    }
                    overrides.put(setting.substring(0, eq), setting.substring(eq + 1));
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> usage("unknown argument: " + args[i]);
            }
        }
        Hotline hotline;
        try {
            HotlineConfig config = configFile == null
                    ? ConfigLoader.loadDefault(overrides)
                    : ConfigLoader.load(configFile, overrides);
            hotline = Hotline.start(config, Clock.systemUTC());
        } catch (ConfigException | PromptException e) {
            System.err.println("hotline: configuration error: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hotline.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }

    private static final String USAGE = """
            usage: hotline [--config FILE] [--set key=value ...]
                   hotline hash-password <workNumber> [realm]
                   hotline hash-api-password <name>
              --config FILE    configuration file (default: the embedded demo, config/hotline.yaml)
              --set key=value  override one key, e.g. --set sip.port=5070 --set sip.transports=[udp]
              hash-password    read an agent's password (console, or one line on stdin) and print the
                               ha1Md5 / ha1Sha256 lines for agents.members (realm default: hotline)
              hash-api-password  read an API user's password the same way and print the passwordHash line
                               for qa.users (PBKDF2-HMAC-SHA256)""";

    private static String value(String[] args, int i, String what) {
        if (i >= args.length) {
            usage("missing value: " + what);
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("hotline: " + problem);
        System.err.println(USAGE);
        System.exit(EXIT_USAGE);
    }
}
