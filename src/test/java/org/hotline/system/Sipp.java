package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs SIPp with one scenario from {@code src/test/resources/system/sipp/} for exactly one call
 * ({@code -m 1}) on 127.0.0.1, in the foreground, bounded by a timeout; collects the exit code and the
 * trace files into a {@link SippResult}. Immutable: each {@code with*} returns a new runner, so one
 * configured base can start several runs.
 *
 * <pre>{@code
 * SippResult r = Sipp.scenario("uac-greeting.xml").remote(host, port).service("4008001234")
 *         .timeout(Duration.ofSeconds(40)).run();
 * r.assertPassed();
 * }</pre>
 */
public final class Sipp {

    public static final String LOOPBACK = "127.0.0.1";
    private static final String RESOURCE_DIR = "/system/sipp/";
    /** Where Debian's sip-tester package puts SIPp's DTMF captures. */
    public static final String DTMF_CAPTURES = "/usr/share/sip-tester";
    private static final Duration KILL_MARGIN = Duration.ofSeconds(10);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

    private final String scenario;
    private final String remote;
    private final int localPort;
    private final int mediaPort;
    private final String service;
    private final Duration defaultPause;
    private final Duration timeout;
    private final Map<String, String> variables;
    private final Map<String, String> keys;
    private final Map<String, Path> files;
    /** {@code -m/-r/-l}: how many calls, how fast, how many at once. */
    private final List<String> calls;
    /** {@code -au/-ap}: the digest credentials {@code [authentication]} answers a 401 or 407 with. */
    private final List<String> credentials;

    private Sipp(String scenario, String remote, int localPort, int mediaPort, String service, Duration defaultPause,
                 Duration timeout, Map<String, String> variables, Map<String, String> keys, Map<String, Path> files,
                 List<String> calls, List<String> credentials) {
        this.scenario = scenario;
        this.remote = remote;
        this.localPort = localPort;
        this.mediaPort = mediaPort;
        this.service = service;
        this.defaultPause = defaultPause;
        this.timeout = timeout;
        this.variables = Map.copyOf(variables);
        this.keys = Map.copyOf(keys);
        this.files = Map.copyOf(files);
        this.calls = List.copyOf(calls);
        this.credentials = List.copyOf(credentials);
    }

    /** A runner for {@code src/test/resources/system/sipp/<fileName>}, with free ports and a 60 s timeout. */
    public static Sipp scenario(String fileName) {
        return new Sipp(fileName, null, 0, 0, null, null, Duration.ofSeconds(60), Map.of(), Map.of(), Map.of(),
                List.of("-m", "1"), List.of());
    }

    /** Where a UAC scenario sends its INVITE. */
    public Sipp remote(String host, int port) {
        return new Sipp(scenario, host + ":" + port, localPort, mediaPort, service, defaultPause, timeout, variables, keys, files, calls, credentials);
    }

    /** SIPp's own SIP port ({@code -p}); by default a free one. */
    public Sipp localPort(int port) {
        return new Sipp(scenario, remote, port, mediaPort, service, defaultPause, timeout, variables, keys, files, calls, credentials);
    }

    /** SIPp's RTP port ({@code -mp}, the SDP's {@code [media_port]}); it also binds the next three. */
    public Sipp mediaPort(int port) {
        return new Sipp(scenario, remote, localPort, port, service, defaultPause, timeout, variables, keys, files, calls, credentials);
    }

    /** The Request-URI user part, {@code [service]} in scenarios ({@code -s}): the number dialled. */
    public Sipp service(String number) {
        return new Sipp(scenario, remote, localPort, mediaPort, number, defaultPause, timeout, variables, keys, files, calls, credentials);
    }

    /** Length of every {@code <pause/>} without its own duration ({@code -d}). */
    public Sipp defaultPause(Duration pause) {
        return new Sipp(scenario, remote, localPort, mediaPort, service, pause, timeout, variables, keys, files, calls, credentials);
    }

    /** Places {@code total} calls at {@code perSecond}, at most {@code concurrent} at once (default: one call). */
    public Sipp calls(int total, int perSecond, int concurrent) {
        return new Sipp(scenario, remote, localPort, mediaPort, service, defaultPause, timeout, variables, keys, files,
                List.of("-m", Integer.toString(total), "-r", Integer.toString(perSecond), "-l", Integer.toString(concurrent)), credentials);
    }

    /** Global timeout ({@code -timeout} with {@code -timeout_error}); the process is killed shortly after. */
    public Sipp timeout(Duration limit) {
        return new Sipp(scenario, remote, localPort, mediaPort, service, defaultPause, limit, variables, keys, files, calls, credentials);
    }

    /** A scenario variable ({@code -set name value}, read as {@code [$name]}). */
    public Sipp variable(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(variables);
        more.put(name, value);
        return new Sipp(scenario, remote, localPort, mediaPort, service, defaultPause, timeout, more, keys, files, calls, credentials);
    }

    /** A keyword for messages ({@code -key name value}, read as {@code [name]}). */
    public Sipp key(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(keys);
        more.put(name, value);
        return new Sipp(scenario, remote, localPort, mediaPort, service, defaultPause, timeout, variables, more, files, calls, credentials);
    }

    /** The user name and password of {@code [authentication]} in a scenario ({@code -au}, {@code -ap}). */
    public Sipp credentials(String user, String password) {
        return new Sipp(scenario, remote, localPort, mediaPort, service, defaultPause, timeout, variables, keys, files, calls,
                List.of("-au", user, "-ap", password));
    }

    /** Copies {@code source} into the run directory as {@code name} (audio a scenario plays by file name). */
    public Sipp file(String name, Path source) {
        Map<String, Path> more = new LinkedHashMap<>(files);
        more.put(name, source);
        return new Sipp(scenario, remote, localPort, mediaPort, service, defaultPause, timeout, variables, keys, more, calls, credentials);
    }

    /** Runs the call to its end in the foreground. */
    public SippResult run() {
        try (Running running = start()) {
            return running.await();
        }
    }

    /** Starts SIPp and returns once its SIP and media ports are bound (so a UAS is ready for calls). */
    public Running start() {
        ExternalProgram.requireInstalled("sipp");
        int sipPort = localPort != 0 ? localPort : FreePorts.sipPort();
        int rtpPort = mediaPort != 0 ? mediaPort : FreePorts.block(4, 2);
        Path dir = RunDirectory.create("sipp-" + scenario.replace(".xml", ""));
        RunDirectory.copyResourceDirectory(RESOURCE_DIR, dir);
        copyDtmfCaptures(dir);
        files.forEach((name, source) -> copy(source, dir.resolve(name)));
        ExternalProgram process = ExternalProgram.start(command(sipPort, rtpPort), dir, "sipp");
        Running running = new Running(process, dir, sipPort, rtpPort);
        running.awaitBound();
        return running;
    }

    private List<String> command(int sipPort, int rtpPort) {
        List<String> command = new ArrayList<>(List.of("sipp"));
        Optional.ofNullable(remote).ifPresent(command::add);
        command.addAll(List.of("-sf", scenario, "-i", LOOPBACK, "-mi", LOOPBACK, "-bind_local",
                "-p", Integer.toString(sipPort), "-mp", Integer.toString(rtpPort), "-nostdin",
                "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-trace_msg", "-message_file", "messages.log",
                "-trace_stat", "-stf", "stats.csv",
                "-trace_screen", "-screen_file", "screen.log",
                "-trace_err", "-error_file", "errors.log",
                "-trace_logs", "-log_file", "actions.log"));
        command.addAll(calls);
        command.addAll(credentials);
        Optional.ofNullable(service).ifPresent(s -> command.addAll(List.of("-s", s)));
        Optional.ofNullable(defaultPause).ifPresent(d -> command.addAll(List.of("-d", Long.toString(d.toMillis()))));
        variables.forEach((name, value) -> command.addAll(List.of("-set", name, value)));
        keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
        return command;
    }

    /** SIPp's RFC 2833/4733 captures dtmf_2833_{0-9,star,pound}.pcap, which scenarios play by file name. */
    private static void copyDtmfCaptures(Path dir) {
        Path captures = Path.of(System.getProperty("sipp.dtmfCaptures", DTMF_CAPTURES));
        if (!Files.isDirectory(captures)) {
            throw new IllegalStateException("no SIPp DTMF captures in " + captures
                    + " (Debian's sip-tester installs them; set -Dsipp.dtmfCaptures=<dir> elsewhere)");
        }
        try (var pcaps = Files.newDirectoryStream(captures, "dtmf_2833_*.pcap")) {
            pcaps.forEach(pcap -> copy(pcap, dir.resolve(pcap.getFileName())));
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + captures, e);
        }
    }

    private static void copy(Path source, Path target) {
        try {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + source + " for SIPp", e);
        }
    }

    /** A started SIPp process; {@link #await()} collects its result, {@link #close()} kills it if still running. */
    public final class Running implements AutoCloseable {

        private final ExternalProgram process;
        private final Path dir;
        private final int sipPort;
        private final int rtpPort;

        private Running(ExternalProgram process, Path dir, int sipPort, int rtpPort) {
            this.process = process;
            this.dir = dir;
            this.sipPort = sipPort;
            this.rtpPort = rtpPort;
        }

        public int sipPort() {
            return sipPort;
        }

        public int mediaPort() {
            return rtpPort;
        }

        public Path runDirectory() {
            return dir;
        }

        /** Waits for SIPp to end (its own timeout plus a margin) and reads its traces. */
        public SippResult await() {
            ExternalProgram.Completed completed = process.awaitExit(timeout.plus(KILL_MARGIN));
            return new SippResult(scenario, completed.exitCode(), completed.timedOut(),
                    SippTraces.parseLastStats(read("stats.csv")),
                    SippTraces.parseMessages(read("messages.log"), ZoneId.systemDefault()),
                    read("actions.log").lines().toList(),
                    read("screen.log"), read("errors.log"), completed.stdout(), completed.stderr(), dir);
        }

        @Override
        public void close() {
            process.terminate();
        }

        private void awaitBound() {
            Await.until(() -> !process.isAlive() || (FreePorts.isUdpBound(sipPort) && FreePorts.isUdpBound(rtpPort)),
                    BIND_TIMEOUT, () -> "SIPp to bind 127.0.0.1:" + sipPort + " and media port " + rtpPort);
            if (!process.isAlive()) {
                throw new AssertionError("SIPp " + scenario + " exited at start-up:\n" + process.stdout() + process.stderr()
                        + read("errors.log"));
            }
        }

        private String read(String name) {
            Path file = dir.resolve(name);
            try {
                return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
        }
    }
}
