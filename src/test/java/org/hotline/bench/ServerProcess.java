package org.hotline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.system.Await;
import org.hotline.system.ExternalProgram;

/**
 * The server under test as its own process, as a site runs it: {@code java [jvm options] -jar
 * target/hotline.jar --config <bench config> [--set ...]}, on the JDK running the bench, its log in
 * {@code server.out} of the run directory. Not thread-safe: the driver's thread owns it.
 */
final class ServerProcess implements AutoCloseable {

    private static final String READY = "Hotline is answering";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final ExternalProgram process;
    private final Path log;

    private ServerProcess(ExternalProgram process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the server and returns once it logs that it is answering. */
    static ServerProcess start(BenchOptions options, Path config) {
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException(options.jar() + " is missing: ./hotline build makes it");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Netty 4.1's direct buffers, as ./hotline run
        }
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-jar", options.jar().toString(), "--config", config.toString()));
        options.serverSettings().forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        Path dir = options.runDirectory();
        ExternalProgram process = ExternalProgram.start(command, dir, "server");
        ServerProcess server = new ServerProcess(process, dir.resolve("server.out"));
        Await.until(() -> !process.isAlive() || server.logContains(READY), START_TIMEOUT, Duration.ofMillis(200),
                () -> "the server to log '" + READY + "'");
        if (!process.isAlive()) {
            throw new IllegalStateException("the server exited at start-up:\n" + process.stdout() + process.stderr());
        }
        return server;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code jcmd <pid> GC.run}: a full collection, so the heap shows what is still referenced. */
    void collectGarbage() {
        Path jcmd = Path.of(javaBinary()).resolveSibling("jcmd");
        ExternalProgram.run(List.of(jcmd.toString(), Long.toString(pid()), "GC.run"), log.getParent(), "jcmd",
                Duration.ofSeconds(30)).requireSuccess();
    }

    /** SIGTERM: the shutdown hook hangs up what is left and stops in order. */
    @Override
    public void close() {
        ProcessHandle.of(pid()).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // not stopped in time: killed below
            }
        });
        process.terminate();
    }

    private boolean logContains(String text) {
        return BenchSipp.read(log).contains(text);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
