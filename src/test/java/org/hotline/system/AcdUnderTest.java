package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.Hotline;
import org.hotline.event.CallEventListener;
import org.hotline.media.AudioClip;
import org.hotline.recording.RecordingListener;

/**
 * The fixture of the ACD system tests (issue 3): the in-process Hotline with the demo configuration
 * (agents 1001/1002, queue general behind the agent key 0) on free loopback ports, its HTTP API, and
 * the baresip agents and callers a test starts, all closed with it. It also carries the steps every
 * test repeats: an agent registering and logging in, a caller reaching the agent key, and the check
 * that nothing is left on the server afterwards. Not thread-safe: the test thread owns it.
 */
public final class AcdUnderTest implements HotlineUnderTest {

    public static final String DEMO_NUMBER = "4008001234";
    /** The demo agents' passwords (config/hotline.yaml stores only their HA1s). */
    public static final Map<String, String> DEMO_PASSWORDS = Map.of("1001", "demo1001", "1002", "demo1002");

    /**
     * baresip 1.0.0 (libre 1.1.0) gives up on a 401 carrying any non-MD5 challenge, and Hotline offers
     * SHA-256 and MD5 by default (RFC 8760): agents' softphones in these tests need MD5 alone.
     */
    static final Map<String, String> SOFTPHONE_DIGEST = Map.of("agents.digestAlgorithms", "[MD5]");

    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FEATURE_CODE_CALL = Duration.ofSeconds(15);
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(5);
    /** Ring delay 2 s, the longest salutation, the welcome and the menu's first prompt, with margin. */
    private static final Duration MENU_REACHED = Duration.ofSeconds(30);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(250);
    private static final Duration DRAINED = Duration.ofSeconds(10);

    private final InProcessHotline hotline;
    private final HotlineApi api;
    private final List<Baresip> phones = new ArrayList<>();

    private AcdUnderTest(InProcessHotline hotline, HotlineApi api) {
        this.hotline = hotline;
        this.api = api;
    }

    public static AcdUnderTest start() {
        return start(Map.of());
    }

    /**
     * Starts Hotline on an ordinary Tuesday morning in Shanghai (no holiday: rule R10's closing is
     * closing.normal), timers in real time, with the HTTP API on a free loopback port.
     */
    public static AcdUnderTest start(Map<String, String> overrides) {
        return start(overrides, CallEventListener.NONE, RecordingListener.NONE);
    }

    /** As {@link #start(Map)}, with listeners observing the calls and the recordings (rule R14). */
    public static AcdUnderTest start(Map<String, String> overrides, CallEventListener events, RecordingListener recordings) {
        int httpPort = FreePorts.tcpPort();
        InProcessHotline hotline = InProcessHotline.start(serverOverrides(httpPort, overrides), ordinaryTuesdayMorning(),
                events, recordings);
        return new AcdUnderTest(hotline, HotlineApi.at(httpPort));
    }

    /** What the ACD tests set over the demo configuration: MD5 for baresip, the HTTP API on {@code httpPort}. */
    static Map<String, String> serverOverrides(int httpPort, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(SOFTPHONE_DIGEST);
        all.put("http.bindAddress", Sipp.LOOPBACK);
        all.put("http.port", Integer.toString(httpPort));
        all.putAll(overrides);
        return all;
    }

    public HotlineApi api() {
        return api;
    }

    public Hotline server() {
        return hotline.server();
    }

    @Override
    public int sipPort() {
        return hotline.sipPort();
    }

    /** {@code 127.0.0.1:<sip port>}: the registrar and domain of the agents' accounts. */
    public String registrar() {
        return Sipp.LOOPBACK + ":" + sipPort();
    }

    /** An agent's softphone, registered with its demo password, answering at once with {@code microphone}. */
    public Baresip registeredAgent(String workNumber, AudioClip microphone) {
        Baresip agent = phone(Baresip.Options.agent(workNumber, DEMO_PASSWORDS.get(workNumber), registrar(), microphone));
        agent.awaitRegistered(REGISTER_TIMEOUT);
        return agent;
    }

    /** An agent's softphone, registered, that lets every offered call ring (rule R1's missed offer). */
    public Baresip registeredAgentNotAnswering(String workNumber, AudioClip microphone) {
        Baresip agent = phone(Baresip.Options.agentNotAnswering(workNumber, DEMO_PASSWORDS.get(workNumber), registrar(), microphone));
        agent.awaitRegistered(REGISTER_TIMEOUT);
        return agent;
    }

    /** A softphone with any options (e.g. a wrong password), not waited for. */
    public Baresip phone(Baresip.Options options) {
        Baresip phone = Baresip.start(options);
        phones.add(phone);
        return phone;
    }

    public Baresip caller(AudioClip microphone) {
        return phone(Baresip.Options.caller(microphone));
    }

    /**
     * The agent dials {@code *1} (digest-authenticated INVITE, issue 3 item 2), hears
     * agent.status.available and is hung up on; then the API shows it AVAILABLE.
     */
    public void logInWithFeatureCode(Baresip agent, String workNumber) {
        int mark = agent.events().size();
        agent.dial("sip:*1@" + registrar());
        BaresipEvent closed = agent.awaitEvent(e -> e.sequence() >= mark && e.type().equals("CALL_CLOSED"),
                "the end of the *1 call", FEATURE_CODE_CALL);
        Baresip.CallRecording reply = agent.recordingOf(closed.callId(), Duration.ZERO);
        AudioMatch.assertContains(reply.audio(), lastPrompt("agent.status.available"), AudioMatch.DEFAULT_MIN_SCORE);
        api.awaitAgent(workNumber, HotlineApi.has("status", "AVAILABLE"), STATUS_TIMEOUT, "AVAILABLE after *1");
    }

    /** Logs the agent in over the HTTP API ({@code PUT .../status AVAILABLE}). */
    public void logInOverHttp(String workNumber) {
        HotlineApi.Reply reply = api.setStatus(workNumber, "AVAILABLE", "");
        assertEquals(200, reply.status(), "PUT status AVAILABLE for " + workNumber + ": " + reply.body());
        api.awaitAgent(workNumber, HotlineApi.has("status", "AVAILABLE"), STATUS_TIMEOUT, "AVAILABLE after the PUT");
    }

    /**
     * The caller dials the demo number, listens until the top menu starts (menu.main) and presses the
     * agent key 0 (rule R4; menus are barge-in), which leads to queue general.
     */
    public void callAndPressAgentKey(Baresip caller) {
        callAndPressAgentKey(this, caller);
    }

    /** {@link #callAndPressAgentKey(Baresip)} against any Hotline under test (e.g. one in its own process). */
    public static void callAndPressAgentKey(HotlineUnderTest hotline, Baresip caller) {
        AudioClip menuMain = HotlinePrompts.zhCn("menu.main");
        caller.dial(hotline.uri(DEMO_NUMBER));
        caller.listenUntil(heard -> AudioMatch.best(heard, menuMain).score() >= AudioMatch.DEFAULT_MIN_SCORE, LISTEN_EVERY,
                MENU_REACHED, "menu.main in what the caller heard");
        caller.pressKey('0');
    }

    /** Rule R3 as the caller hears it: 工号, the work number digit by digit, 为您服务. */
    public static List<AudioClip> workNumberAnnouncement(String workNumber) {
        List<AudioClip> clips = new ArrayList<>();
        clips.add(HotlinePrompts.zhCn("agent.work-number.before"));
        workNumber.chars().forEach(digit -> clips.add(HotlinePrompts.zhCn("digit." + (char) digit)));
        clips.add(HotlinePrompts.zhCn("agent.work-number.after"));
        return List.copyOf(clips);
    }

    /**
     * A prompt Hotline hangs up right after (the closing, a feature code's answer), without its
     * trailing silence: the end of a call's audio is still in baresip's jitter buffer at the BYE and
     * never reaches the recording, so the whole file would not fit.
     */
    public static AudioClip lastPrompt(String name) {
        AudioClip prompt = HotlinePrompts.zhCn(name);
        return TestAudio.slice(prompt, Duration.ZERO, prompt.duration().minus(HotlinePrompts.TRAILING_SILENCE));
    }

    /** The music on hold as it starts: enough of prompts/common/music.hold.wav to place it on a timeline. */
    public static AudioClip musicOnHoldOpening() {
        return TestAudio.slice(musicOnHold(), Duration.ZERO, Duration.ofSeconds(3));
    }

    public static AudioClip musicOnHold() {
        return HotlinePrompts.clip("common", "music.hold");
    }

    /** Every call has ended on the server and its RTP ports are back (issue 3: nothing leaks). */
    public void assertNothingLeft() {
        Hotline server = server();
        Await.until(() -> server.activeCalls() == 0 && server.mediaSessionsInUse() == 0, DRAINED,
                () -> "no calls and no media sessions left: calls=" + server.activeCalls() + " rtp=" + server.mediaSessionsInUse());
    }

    @Override
    public void close() {
        try {
            phones.forEach(Baresip::close);
        } finally {
            hotline.close();
        }
    }

    /** Tuesday 10 March 2026, 10:00 in Shanghai: no holiday, open hours; the clock then runs in real time. */
    private static Clock ordinaryTuesdayMorning() {
        ZonedDateTime target = ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"));
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target.toInstant()));
    }
}
