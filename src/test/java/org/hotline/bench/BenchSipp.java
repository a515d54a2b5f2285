package org.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.system.Await;
import org.hotline.system.ExternalProgram;
import org.hotline.system.FreePorts;
import org.hotline.system.Sipp;

/**
 * One SIPp process of the bench (callers, the agents' phones, or the agents' registrations) in its
 * own directory under the run directory: the scenario template filled in, the pcaps it plays,
 * and what it leaves: {@code stats.csv} (-trace_stat), {@code errors.log} (-trace_err), the
 * response times of every call ({@code <scenario>_<pid>_rtt.csv}, -trace_rtt). Unlike the system
 * tests' {@link Sipp} it places many calls, at a rate ({@code -r} per {@code -rp}), and can run as
 * a server until told to stop. Not thread-safe: the driver's thread owns it.
 */
final class BenchSipp implements AutoCloseable {

    /** SIPp's multi-socket limit; UDP with one socket does not need it, TCP would. */
    private static final int MAX_SOCKETS = 4096;
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration QUIT_WAIT = Duration.ofSeconds(3);

    private final String label;
    private final Path dir;
    private final ExternalProgram process;
    private final int sipPort;
    private final int mediaPort;
    private final Duration timeout;

    private BenchSipp(String label, Path dir, ExternalProgram process, int sipPort, int mediaPort, Duration timeout) {
        this.label = label;
        this.dir = dir;
        this.process = process;
        this.sipPort = sipPort;
        this.mediaPort = mediaPort;
        this.timeout = timeout;
    }

    /**
     * What to run.
     *
     * @param label        the directory name and the label in the summary
     * @param scenario     a file of {@code bench/sipp/}
     * @param substitutions {@code @NAME@} placeholders of the template and their values
     * @param remote       {@code host:port} a UAC sends to, or null for a UAS
     * @param calls        {@code -m}; 0 for a UAS that runs until {@link #stop}
     * @param callsPer10s  the rate, calls per 10 s ({@code -r} with {@code -rp 10000}); 0 for a UAS
     * @param limit        {@code -l}, calls up at once; 0 for SIPp's default
     * @param files        files copied into the directory (pcaps, injection files)
     * @param extra        further arguments (-rtp_echo, -inf, -key ...)
     * @param timeout      the whole run's limit (-timeout); the process is killed a little after
     */
    record Spec(String label, Path scenario, Map<String, String> substitutions, String remote, String service, int calls,
            int callsPer10s, int limit, List<Path> files, List<String> extra, Duration timeout) {
    }

    static BenchSipp start(Path runDirectory, Spec spec) {
        Path dir = runDirectory.resolve(spec.label());
        try {
            Files.createDirectories(dir);
            String scenario = Files.readString(spec.scenario(), StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> s : spec.substitutions().entrySet()) {
                scenario = scenario.replace("@" + s.getKey() + "@", s.getValue());
            }
            Files.writeString(dir.resolve("scenario.xml"), scenario, StandardCharsets.ISO_8859_1);
            for (Path file : spec.files()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("preparing " + dir, e);
        }
        int sipPort = FreePorts.sipPort();
        int mediaPort = FreePorts.block(4, 2);
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (spec.remote() != null) {
            command.add(spec.remote());
        }
        command.addAll(List.of("-sf", "scenario.xml", "-i", Sipp.LOOPBACK, "-mi", Sipp.LOOPBACK, "-bind_local",
                "-p", Integer.toString(sipPort), "-mp", Integer.toString(mediaPort), "-nostdin",
                "-max_socket", Integer.toString(MAX_SOCKETS),
                "-timeout", spec.timeout().toSeconds() + "s", "-timeout_error",
                "-trace_stat", "-stf", "stats.csv", "-fd", "5",
                "-trace_err", "-error_file", "errors.log",
                "-trace_screen", "-screen_file", "screen.log",
                "-trace_rtt", "-rtt_freq", "1"));
        if (spec.service() != null) {
            command.addAll(List.of("-s", spec.service()));
        }
        if (spec.calls() > 0) {
            command.addAll(List.of("-m", Integer.toString(spec.calls())));
        }
        if (spec.callsPer10s() > 0) {
            command.addAll(List.of("-r", Integer.toString(spec.callsPer10s()), "-rp", "10000"));
        }
        if (spec.limit() > 0) {
            command.addAll(List.of("-l", Integer.toString(spec.limit())));
        }
        command.addAll(spec.extra());
        writeCommand(dir, command);
        ExternalProgram process = ExternalProgram.start(command, dir, "sipp");
        BenchSipp sipp = new BenchSipp(spec.label(), dir, process, sipPort, mediaPort, spec.timeout());
        sipp.awaitBound();
        return sipp;
    }

    String label() {
        return label;
    }

    long pid() {
        return process.pid();
    }

    int sipPort() {
        return sipPort;
    }

    int mediaPort() {
        return mediaPort;
    }

    Path directory() {
        return dir;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for a UAC to place and finish its calls (bounded by its timeout plus a margin). */
    SippOutput awaitEnd() {
        process.awaitExit(timeout.plus(STOP_GRACE));
        return output();
    }

    /**
     * Stops a UAS as SIPp's own "q" does (SIGUSR1: no new calls, exit once the calls in progress
     * end, final statistics written), twice, then terminates it: SIPp counts a finished call as
     * open while it may still see retransmissions (-deadcall_wait, 33 s), so it may not exit by
     * itself. Its counters are then those of the last periodic dump (-fd 5), seconds after the
     * last call since the bench stops it only once the server has drained.
     */
    SippOutput stop() {
        for (int q = 0; q < 2 && process.isAlive(); q++) {
            ExternalProgram.run(List.of("kill", "-USR1", Long.toString(process.pid())), dir, "kill", Duration.ofSeconds(5));
            waitForExit(QUIT_WAIT);
        }
        process.terminate();
        return output();
    }

    SippOutput output() {
        return SippOutput.read(label, dir, process.isAlive() ? -1 : exitCode());
    }

    @Override
    public void close() {
        process.terminate();
    }

    private int exitCode() {
        return process.awaitExit(Duration.ZERO).exitCode();
    }

    /** Waits up to {@code timeout} for the process to end; it is left running if it does not. */
    private void waitForExit(Duration timeout) {
        try {
            ProcessHandle.of(process.pid()).ifPresent(handle -> handle.onExit().orTimeout(timeout.toMillis(),
                    TimeUnit.MILLISECONDS).exceptionally(e -> handle).join());
        } catch (RuntimeException e) {
            throw new IllegalStateException("waiting for SIPp " + label + " to exit", e);
        }
    }

    private void awaitBound() {
        Await.until(() -> !process.isAlive() || FreePorts.isUdpBound(sipPort), BIND_TIMEOUT,
                () -> "SIPp " + label + " to bind 127.0.0.1:" + sipPort);
        // 0 and 1 are the ends of a run (all calls passed, some failed); anything else is SIPp refusing to start.
        if (!process.isAlive() && exitCode() > 1) {
            throw new IllegalStateException("SIPp " + label + " exited at start-up:\n" + process.stdout() + process.stderr()
                    + read(dir.resolve("errors.log")));
        }
    }

    private static void writeCommand(Path dir, List<String> command) {
        try {
            Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing the command line into " + dir, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
