package org.hotline.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's {@code promtool} (package prometheus) on the checked-in Prometheus files: the scrape
 * config and the rules must pass {@code check}, and the rules their unit tests
 * ({@code config/prometheus/alerts.test.yml}).
 */
final class Promtool {

    private static final Path DIR = Path.of("config", "prometheus").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Promtool() {
    }

    static void checkAndTestRules() {
        Path run = RunDirectory.create("promtool");
        run(List.of("promtool", "check", "rules", DIR.resolve("alerts.yml").toString()), run, "check-rules");
        run(List.of("promtool", "check", "config", DIR.resolve("prometheus.yml").toString()), run, "check-config");
        run(List.of("promtool", "test", "rules", DIR.resolve("alerts.test.yml").toString()), run, "test-rules");
    }

    private static void run(List<String> command, Path dir, String label) {
        ExternalProgram.run(command, dir, label, TIMEOUT).requireSuccess();
    }
}
