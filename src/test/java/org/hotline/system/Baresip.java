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
 * A baresip 1.0 user agent on 127.0.0.1 driven over ctrl_tcp: a caller, or an agent's softphone that
 * registers with digest auth and answers (or lets ring) what it is offered. It dials (also feature
 * codes like {@code *1}), presses keys (RFC 4733 via {@code sndcode}), holds and resumes, hangs up,
 * reports its events, and records what it hears with the sndfile module. Its config directory is
 * generated per instance: no sound card, the aufile source, g711 only. Several calls one after
 * another are fine: events carry the SIP Call-ID, and the recording read is the latest call's.
 * Not thread-safe: the test thread owns it.
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

    private static final String LIBRE_MD5_ONLY = " (baresip 1.0.0 with libre 1.1.0 answers MD5 digest challenges only,"
            + " and fails with ENOSYS when any WWW-Authenticate of the 401 names another algorithm such as SHA-256:"
            + " the registrar must offer it MD5 alone)";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(5);

    private final Options options;
    private final Path dir;
    private final int sipPort;
    private final ExternalProgram process;
    private final BaresipControl control;

    /** Whether an incoming call is answered at once ({@code answermode=auto}) or left ringing ({@code manual}). */
    public enum AnswerMode { AUTO, MANUAL }

    /**
     * A registration with digest credentials (RFC 3261 §10, §22): the account's AOR is
     * {@code sip:<user>@<registrar>}, REGISTERs and calls go there, and a 401 or 407 is answered with
     * {@code password}. baresip 1.0.0 (libre 1.1.0) answers MD5 challenges only and gives up
     * ("Function not implemented") when any challenge of the response names another algorithm.
     *
     * @param registrar host:port of the registrar, e.g. {@code 127.0.0.1:5060}
     * @param interval  the registration's expiry it asks for ({@code regint}), re-registering before it
     *                  ends; zero: it does not register
     */
    public record Registration(String registrar, String password, Duration interval) {

        public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    }

    /**
     * How to run one baresip.
     *
     * @param user          the user part of its account: {@code sip:<user>@127.0.0.1:<own port>}, or
     *                      with a registration {@code sip:<user>@<registrar>} (an agent's work number)
     * @param answerMode    answer incoming calls at once, or let them ring
     * @param source        what it sends; baresip 1.0's aufile ends the call when the file ends
     * @param audioCodecs   its {@code audio_codecs}, e.g. {@code pcmu} or {@code pcmu,pcma}
     * @param registration  where and how it registers, if it does
     */
    public record Options(String user, AnswerMode answerMode, AudioClip source, String audioCodecs,
                          Optional<Registration> registration) {

        /** The longest call a default source allows (silence, sent for this long). */
        public static final Duration DEFAULT_CALL_LIMIT = Duration.ofSeconds(120);

        /** A caller that says nothing for up to {@link #DEFAULT_CALL_LIMIT}. */
        public static Options caller() {
            return caller(TestAudio.silence(DEFAULT_CALL_LIMIT));
        }

        /** A caller whose microphone plays {@code source} from the moment its call is answered. */
        public static Options caller(AudioClip source) {
            return new Options("caller", AnswerMode.MANUAL, source, "pcmu", Optional.empty());
        }

        /** A peer that answers at once and plays {@code source}, then hangs up when it ends. */
        public static Options answering(AudioClip source) {
            return new Options("callee", AnswerMode.AUTO, source, "pcmu", Optional.empty());
        }

        /**
         * An agent's softphone: registers as {@code workNumber} (rule R3) at {@code registrar}
         * (host:port) with digest {@code password}, answers every call at once and plays
         * {@code source} as its microphone.
         */
        public static Options agent(String workNumber, String password, String registrar, AudioClip source) {
            return new Options(workNumber, AnswerMode.AUTO, source, "pcmu",
                    Optional.of(new Registration(registrar, password, Registration.DEFAULT_INTERVAL)));
        }

        /** As {@link #agent} but it never answers: offered calls ring until they are cancelled. */
        public static Options agentNotAnswering(String workNumber, String password, String registrar, AudioClip source) {
            return agent(workNumber, password, registrar, source).withAnswerMode(AnswerMode.MANUAL);
        }

        /**
         * Keeps the credentials (a 401 or 407 to a call is still answered) but sends no REGISTER
         * ({@code regint=0}): a softphone that only dials, e.g. a feature code to a stand-in.
         */
        public Options withoutRegistering() {
            return new Options(user, answerMode, source, audioCodecs,
                    registration.map(r -> new Registration(r.registrar(), r.password(), Duration.ZERO)));
        }

        public Options withAnswerMode(AnswerMode mode) {
            return new Options(user, mode, source, audioCodecs, registration);
        }

        public boolean autoAnswer() {
            return answerMode == AnswerMode.AUTO;
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
        BaresipConfig config = new BaresipConfig(options, sipPort, ctrlPort, FreePorts.block(BaresipConfig.RTP_PORTS, 2),
                System.getProperty("baresip.modules", MODULES));
        BaresipConfig.write(dir, config);
        ExternalProgram process = ExternalProgram.start(List.of("baresip", "-f", dir.toString(), "-v"), dir, "baresip");
        try {
            BaresipControl control = connect(process, ctrlPort);
            config.registeringAccount().ifPresent(account -> control.command("uanew", account, COMMAND_TIMEOUT));
            return new Baresip(options, dir, sipPort, process, control);
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

    /** Hangs up the current call (or rejects a ringing one). */
    public void hangup() {
        control.command("hangup", null, COMMAND_TIMEOUT);
    }

    /** Answers the ringing call (for {@link AnswerMode#MANUAL}). */
    public void accept() {
        control.command("accept", null, COMMAND_TIMEOUT);
    }

    /** Puts the current call on hold: a re-INVITE with {@code a=sendonly} (RFC 3264 §8.4). */
    public void hold() {
        control.command("hold", null, COMMAND_TIMEOUT);
    }

    /** Takes the current call off hold: a re-INVITE with {@code a=sendrecv}. */
    public void resume() {
        control.command("resume", null, COMMAND_TIMEOUT);
    }

    /** The first event of {@code type} since start, waiting up to {@code timeout}. */
    public BaresipEvent awaitEvent(String type, Duration timeout) {
        return control.await(e -> e.type().equals(type), type, timeout);
    }

    /** The first event of {@code type} after {@code earlier} (e.g. the next call's CALL_INCOMING). */
    public BaresipEvent awaitEventAfter(BaresipEvent earlier, String type, Duration timeout) {
        return control.await(e -> e.sequence() > earlier.sequence() && e.type().equals(type), type + " after " + earlier, timeout);
    }

    /** The first event of {@code type} about the call {@code callId} (a SIP Call-ID). */
    public BaresipEvent awaitCallEvent(String callId, String type, Duration timeout) {
        return control.await(e -> e.is(type, callId), type + " of call " + callId, timeout);
    }

    /**
     * The first event of an incoming call: at the INVITE, whether the call then rings
     * ({@code CALL_INCOMING}, answer mode manual) or is answered at once (baresip 1.0 reports no
     * CALL_INCOMING then, only CALL_REMOTE_SDP "offer" and CALL_ESTABLISHED). Its callId names the call.
     */
    public BaresipEvent awaitIncoming(Duration timeout) {
        return control.await(BaresipEvent::isIncoming, "an incoming call", timeout);
    }

    /** As {@link #awaitIncoming(Duration)}, for the next incoming call after {@code earlier}. */
    public BaresipEvent awaitIncomingAfter(BaresipEvent earlier, Duration timeout) {
        return control.await(e -> e.sequence() > earlier.sequence() && e.isIncoming() && !e.callId().equals(earlier.callId()),
                "an incoming call after " + earlier, timeout);
    }

    /** The first event matching {@code filter}, described as {@code what} if it does not come. */
    public BaresipEvent awaitEvent(Predicate<BaresipEvent> filter, String what, Duration timeout) {
        return control.await(filter, what, timeout);
    }

    /** The last event so far; {@link #awaitEventAfter} it to wait for what a command will cause. */
    public Optional<BaresipEvent> lastEvent() {
        List<BaresipEvent> all = events();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    public List<BaresipEvent> events() {
        return control.events();
    }

    /**
     * Waits for the first registration to succeed ({@code REGISTER_OK}); fails at once on
     * {@code REGISTER_FAIL}, saying why.
     */
    public BaresipEvent awaitRegistered(Duration timeout) {
        BaresipEvent outcome = control.await(e -> e.type().equals("REGISTER_OK") || e.type().equals("REGISTER_FAIL"),
                "REGISTER_OK or REGISTER_FAIL", timeout);
        if (outcome.type().equals("REGISTER_FAIL")) {
            throw new AssertionError(options.user() + " could not register: " + outcome.param()
                    + (outcome.param().contains("not implemented") ? LIBRE_MD5_ONLY : "") + "; events " + events());
        }
        return outcome;
    }

    /** Waits for the first registration to fail ({@code REGISTER_FAIL}); its param is the reason. */
    public BaresipEvent awaitRegisterFailure(Duration timeout) {
        return awaitEvent("REGISTER_FAIL", timeout);
    }

    /**
     * Waits for the first call to end, then reads what was heard. Call once the call is over or about
     * to be (after {@link #hangup()}, or while the server hangs up).
     */
    public CallRecording recording(Duration timeout) {
        return recordingOf(awaitEvent("CALL_CLOSED", timeout).callId(), Duration.ZERO);
    }

    /**
     * Waits for the call {@code callId} to end, then reads what it heard. The call must be this
     * baresip's latest: sndfile names its files by the second the call started, so only the latest
     * recording is known to be that call's.
     */
    public CallRecording recordingOf(String callId, Duration timeout) {
        BaresipEvent closed = awaitCallEvent(callId, "CALL_CLOSED", timeout);
        // sndfile closes its WAV when the call is destroyed, right after CALL_CLOSED on baresip's
        // main loop; a command's response comes after that, so the file is complete once it arrives.
        control.command("listcalls", null, COMMAND_TIMEOUT);
        BaresipEvent established = awaitCallEvent(callId, "CALL_ESTABLISHED", Duration.ZERO);
        BaresipEvent firstRtp = awaitCallEvent(callId, "CALL_RTPESTAB", Duration.ZERO);
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
