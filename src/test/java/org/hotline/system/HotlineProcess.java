package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hotline as a server of its own: {@code org.hotline.Main} in a separate JVM (the test class path,
 * the demo configuration with {@link HotlineTestConfig}'s free loopback ports, the ACD tests'
 * overrides and the test's own), its log in a file, so a test can kill it the hard way. {@link #kill}
 * sends SIGKILL ({@code Process.destroyForcibly} on Linux): no shutdown hook, no file closed.
 * Not thread-safe: the test thread owns it.
 */
public final class HotlineProcess implements HotlineUnderTest {

    /** The composition root's line once SIP is listening (logged at INFO). */
    private static final String READY = "Hotline is answering";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path log;
    private final int sipPort;
    private final int httpPort;

    private HotlineProcess(Process process, Path log, int sipPort, int httpPort) {
        this.process = process;
        this.log = log;
        this.sipPort = sipPort;
        this.httpPort = httpPort;
    }

    /** Starts the server and returns once it answers; its log is {@code <workDir>/hotline.log}. */
    public static HotlineProcess start(Map<String, String> overrides, Path workDir) {
        HotlineTestConfig ports = HotlineTestConfig.onFreePorts();
        int httpPort = FreePorts.tcpPort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.hotline.Main"));
        ports.overrides().forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        AcdUnderTest.serverOverrides(httpPort, overrides).forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        Path log = workDir.resolve("hotline.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("HOTLINE_LOG_LEVEL", "INFO");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        HotlineProcess hotline = new HotlineProcess(process, log, ports.sipPort(), httpPort);
        try {
            Await.until(() -> hotline.output().contains(READY) || !process.isAlive(), START_TIMEOUT,
                    () -> "the server to answer; its log:\n" + hotline.output());
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        if (!process.isAlive()) {
            throw new AssertionError("the server stopped at start-up (exit " + process.exitValue() + "):\n" + hotline.output());
        }
        return hotline;
    }

    @Override
    public int sipPort() {
        return sipPort;
    }

    public HotlineApi api() {
        return HotlineApi.at(httpPort);
    }

    /** What it has logged so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM (the shutdown hook closes everything) if it still runs; bounded. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not exit within " + EXIT_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
