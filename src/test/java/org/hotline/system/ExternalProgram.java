package org.hotline.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external program a system test needs (sipp, baresip, sox, espeak-ng, dumpcap):
 * started in a working directory with stdout and stderr going to files there (no pipes that could
 * fill up), always bounded by a deadline. Not thread-safe: the test thread owns it.
 */
public final class ExternalProgram implements AutoCloseable {

    private static final Duration TERMINATE_GRACE = Duration.ofSeconds(3);

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ExternalProgram(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code command} in {@code workDir}; its output goes to {@code <label>.out} and {@code <label>.err}. */
    public static ExternalProgram start(List<String> command, Path workDir, String label) {
        requireInstalled(command.getFirst());
        Path out = workDir.resolve(label + ".out");
        Path err = workDir.resolve(label + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        try {
            return new ExternalProgram(command.getFirst(), builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Runs {@code command} to completion; a run that outlives {@code timeout} is killed and reported. */
    public static Completed run(List<String> command, Path workDir, String label, Duration timeout) {
        try (ExternalProgram program = start(command, workDir, label)) {
            return program.awaitExit(timeout);
        }
    }

    /** Fails with an install hint unless {@code program} is on the PATH (.ci/run installs the peers). */
    public static void requireInstalled(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = program.contains("/")
                ? Files.isExecutable(Path.of(program))
                : Arrays.stream(path.split(File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
        if (!found) {
            throw new IllegalStateException(program + " is not installed: the system tests need "
                    + "sip-tester baresip sox espeak-ng tshark prometheus (apt-get install -y ...; .ci/run installs them)");
        }
    }

    /** Waits for the exit; past the deadline the process is killed and the result says so. */
    public Completed awaitExit(Duration timeout) {
        boolean exited = waitFor(timeout);
        if (!exited) {
            terminate();
        }
        return new Completed(name, exited ? process.exitValue() : -1, !exited, read(stdout), read(stderr));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** What the program wrote so far to stdout. */
    public String stdout() {
        return read(stdout);
    }

    /** What the program wrote so far to stderr. */
    public String stderr() {
        return read(stderr);
    }

    /** SIGTERM, then SIGKILL after a grace period. Idempotent. */
    public void terminate() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(TERMINATE_GRACE)) {
            process.destroyForcibly();
            waitFor(TERMINATE_GRACE);
        }
    }

    @Override
    public void close() {
        terminate();
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** How a run ended. {@code exitCode} is -1 when it was killed at the deadline. */
    public record Completed(String program, int exitCode, boolean timedOut, String stdout, String stderr) {

        /** Throws with the program's output unless it exited 0 in time. */
        public Completed requireSuccess() {
            if (timedOut || exitCode != 0) {
                throw new IllegalStateException(program + (timedOut ? " timed out" : " exited " + exitCode)
                        + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }
}
