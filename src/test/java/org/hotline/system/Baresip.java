package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hotline.media.AudioClip;

/**
 * A baresip 1.0 user agent on 127.0.0.1 driven over ctrl_tcp: it dials, presses keys (RFC 4733 via
 * {@code sndcode}), hangs up, reports its events, and records what it hears with the sndfile module.
 * Its config directory is generated per instance: no sound card, the aufile source, g711 only.
 * One call per instance: events and the recording are those of the first call. Not thread-safe:
 * the test thread owns it.
 *
 * <pre>{@code
 * try (Baresip caller = Baresip.start(Baresip.Options.caller())) {
 *     caller.dial("sip:4008001234@127.0.0.1:" + port);
 *     caller.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(15));
 *     ...
 *     caller.hangup();
 *     Baresip.CallRecording heard = caller.recording(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class Baresip implements AutoCloseable {

    /** baresip 1.0's CALL_CLOSED reason when the peer sent BYE ("... by user" when we hung up). */
    public static final String CLOSED_BY_PEER = "Connection reset by peer";

    /** Debian's module directory; -Dbaresip.modules=<dir> elsewhere. */
    public static final String MODULES = "/usr/lib/baresip/modules";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(5);

    private final Options options;
    private final Path dir;
    private final int sipPort;
    private final ExternalProgram process;
    private final BaresipControl control;

    /**
     * How to run one baresip.
     *
     * @param user          the user part of its account, {@code sip:<user>@127.0.0.1:<port>}
     * @param autoAnswer    answer incoming calls at once ({@code answermode=auto}), for a peer playing audio
     * @param source        what it sends; baresip 1.0's aufile ends the call when the file ends
     * @param audioCodecs   its {@code audio_codecs}, e.g. {@code pcmu} or {@code pcmu,pcma}
     */
    public record Options(String user, boolean autoAnswer, AudioClip source, String audioCodecs) {

        /** The longest call a default source allows (silence, sent for this long). */
        public static final Duration DEFAULT_CALL_LIMIT = Duration.ofSeconds(120);

        /** A caller that says nothing for up to {@link #DEFAULT_CALL_LIMIT}. */
        public static Options caller() {
            return new Options("caller", false, TestAudio.silence(DEFAULT_CALL_LIMIT), "pcmu");
        }

        /** A peer that answers at once and plays {@code source}, then hangs up when it ends. */
        public static Options answering(AudioClip source) {
            return new Options("callee", true, source, "pcmu");
        }
    }

    /**
     * What the call's receiver heard: the decoded audio as baresip's sndfile wrote it (one sample per
     * sample received, so the server's continuous 20 ms stream makes it a timeline; sample 0 is the
     * first packet; the last ~100 ms, still in baresip's jitter buffer at the hang-up, are missing),
     * and the instants of the call's events on the driver's clock.
     *
     * @param firstRtp when the first RTP packet arrived ({@code CALL_RTPESTAB}), about sample 0
     * @param closed   when the call ended ({@code CALL_CLOSED}), e.g. the server's BYE
     */
    public record CallRecording(AudioClip audio, Instant established, Instant firstRtp, Instant closed, String closeReason) {

        /** True when the far end hung up (its BYE), not this caller. */
        public boolean closedByPeer() {
            return CLOSED_BY_PEER.equals(closeReason);
        }

        /** Where on the recording's timeline a wall-clock instant falls. */
        public Duration offsetOf(Instant instant) {
            return Duration.between(firstRtp, instant);
        }
    }

    private Baresip(Options options, Path dir, int sipPort, ExternalProgram process, BaresipControl control) {
        this.options = options;
        this.dir = dir;
        this.sipPort = sipPort;
        this.process = process;
        this.control = control;
    }

    public static Baresip start(Options options) {
        ExternalProgram.requireInstalled("baresip");
        Path dir = RunDirectory.create("baresip-" + options.user());
        int sipPort = FreePorts.sipPort();
        int ctrlPort = FreePorts.tcpPort();
        BaresipConfig.write(dir, new BaresipConfig(options, sipPort, ctrlPort, FreePorts.block(BaresipConfig.RTP_PORTS, 2),
                System.getProperty("baresip.modules", MODULES)));
        ExternalProgram process = ExternalProgram.start(List.of("baresip", "-f", dir.toString(), "-v"), dir, "baresip");
        try {
            return new Baresip(options, dir, sipPort, process, connect(process, ctrlPort));
        } catch (RuntimeException | Error e) {
            process.terminate();
            throw e;
        }
    }

    /** Its own address, for a peer to call: {@code sip:<user>@127.0.0.1:<port>}. */
    public String uri() {
        return "sip:" + options.user() + "@" + Sipp.LOOPBACK + ":" + sipPort;
    }

    public int sipPort() {
        return sipPort;
    }

    public Path runDirectory() {
        return dir;
    }

    public void dial(String uri) {
        control.command("dial", uri, COMMAND_TIMEOUT);
    }

    /** Presses one key ('0'-'9', '*', '#', 'A'-'D'), sent as RFC 4733 telephone-events. */
    public void pressKey(char key) {
        if ("0123456789*#ABCD".indexOf(key) < 0) {
            throw new IllegalArgumentException("not a DTMF key: " + key);
        }
        control.command("sndcode", Character.toString(key), COMMAND_TIMEOUT);
    }

    public void hangup() {
        control.command("hangup", null, COMMAND_TIMEOUT);
    }

    /** The first event of {@code type} since start, waiting up to {@code timeout}. */
    public BaresipEvent awaitEvent(String type, Duration timeout) {
        return control.await(e -> e.type().equals(type), type, timeout);
    }

    public List<BaresipEvent> events() {
        return control.events();
    }

    /**
     * Waits for the call to end, then reads what was heard. Call once the call is over or about to be
     * (after {@link #hangup()}, or while the server hangs up).
     */
    public CallRecording recording(Duration timeout) {
        BaresipEvent closed = awaitEvent("CALL_CLOSED", timeout);
        // sndfile closes its WAV when the call is destroyed, right after CALL_CLOSED on baresip's
        // main loop; a command's response comes after that, so the file is complete once it arrives.
        control.command("listcalls", null, COMMAND_TIMEOUT);
        BaresipEvent established = awaitEvent("CALL_ESTABLISHED", Duration.ZERO);
        BaresipEvent firstRtp = awaitEvent("CALL_RTPESTAB", Duration.ZERO);
        AudioClip audio = Wav.read(decodedRecording());
        return new CallRecording(new AudioClip(options.user() + "-heard", audio.samples()),
                established.receivedAt(), firstRtp.receivedAt(), closed.receivedAt(), closed.param());
    }

    /**
     * What the current call's receiver has recorded so far, read while baresip keeps writing it;
     * empty before the first RTP packet.
     */
    public AudioClip heardSoFar() {
        return findDecodedRecording().map(Wav::readGrowing).orElseGet(() -> new AudioClip("nothing-yet", new short[0]));
    }

    /**
     * Keeps listening while the call goes on, until what was heard so far satisfies {@code heard}
     * (e.g. contains the greeting), checking every {@code every}; fails after {@code timeout}.
     */
    public AudioClip listenUntil(Predicate<AudioClip> heard, Duration every, Duration timeout, String what) {
        Await.until(() -> heard.test(heardSoFar()), timeout, every, () -> what + "; events " + events());
        return heardSoFar();
    }

    /** Quits baresip (or kills it if it does not exit) and closes the control connection. Idempotent. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                control.command("quit", null, COMMAND_TIMEOUT);
                process.awaitExit(EXIT_TIMEOUT);
            }
        } catch (RuntimeException | AssertionError e) {
            process.terminate();
        } finally {
            control.close();
            process.terminate();
        }
    }

    private Path decodedRecording() {
        return findDecodedRecording()
                .orElseThrow(() -> new AssertionError("baresip recorded nothing in " + dir + "; events " + events()));
    }

    private Optional<Path> findDecodedRecording() {
        try (Stream<Path> files = Files.list(dir.resolve(BaresipConfig.RECORDINGS))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav"))
                    .max(Comparator.comparing(Path::getFileName));
        } catch (IOException e) {
            throw new UncheckedIOException("listing baresip recordings in " + dir, e);
        }
    }

    private static BaresipControl connect(ExternalProgram process, int ctrlPort) {
        InetSocketAddress address = new InetSocketAddress(FreePorts.loopback(), ctrlPort);
        Await.until(() -> !process.isAlive() || !FreePorts.isTcpFree(ctrlPort), START_TIMEOUT,
                () -> "baresip to listen on ctrl_tcp " + ctrlPort + "\n" + process.stdout());
        if (!process.isAlive()) {
            throw new AssertionError("baresip exited at start-up:\n" + process.stdout() + process.stderr());
        }
        try {
            return BaresipControl.connect(address, START_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException("connecting to baresip's ctrl_tcp on " + address, e);
        }
    }
}
