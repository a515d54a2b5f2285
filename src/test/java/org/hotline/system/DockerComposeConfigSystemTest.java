package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The root docker-compose.yml passes {@code docker compose config} (no Docker engine needed), with
 * every service, the asterisk profile's included. Runs the Docker CLI's compose plugin if it is
 * there, else the standalone {@code docker-compose} (Debian's package, which .ci/install-test-peers
 * installs); skipped, saying so, when neither is installed.
 */
class DockerComposeConfigSystemTest {

    private static final Path COMPOSE_FILE = Path.of("docker-compose.yml").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void composeFileIsValidAndDefinesHotlinePrometheusGrafanaAndAsterisk() {
        Path run = RunDirectory.create("compose");
        Optional<List<String>> compose = composeCommand(run);
        assumeTrue(compose.isPresent(), "neither `docker compose` (the Docker CLI's compose plugin) nor `docker-compose`"
                + " is installed: docker-compose.yml not checked");

        ExternalProgram.run(command(compose.get(), "config", "--quiet"), run, "config", TIMEOUT).requireSuccess();
        ExternalProgram.Completed services = ExternalProgram.run(command(compose.get(), "config", "--services"), run,
                "services", TIMEOUT).requireSuccess();

        assertEquals(List.of("asterisk", "grafana", "hotline", "prometheus"),
                services.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).sorted().toList());
    }

    private static List<String> command(List<String> compose, String... arguments) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("--file", COMPOSE_FILE.toString(), "--profile", "asterisk"));
        command.addAll(List.of(arguments));
        return command;
    }

    /** {@code docker compose} if the plugin answers, else {@code docker-compose} if installed. */
    private static Optional<List<String>> composeCommand(Path run) {
        if (onPath("docker") && ExternalProgram.run(List.of("docker", "compose", "version"), run, "plugin", TIMEOUT)
                .exitCode() == 0) {
            return Optional.of(List.of("docker", "compose"));
        }
        return onPath("docker-compose") ? Optional.of(List.of("docker-compose")) : Optional.empty();
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
