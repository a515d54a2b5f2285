package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.event.CallEventListener;
import org.hotline.media.AudioClip;
import org.hotline.recording.CapturedRecordings;
import org.hotline.recording.RecordingInfo;
import org.hotline.recording.StereoWav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 4: kill -9 the server in the middle of a recorded call. Hotline runs in its own JVM; a
 * baresip caller (tone B) talks to agent 1001 (tone A) until the recording holds a few seconds,
 * then the server gets SIGKILL. The WAV left behind is already a valid WAV; a new server on the same
 * recordings directory repairs it at start-up, before any call, to everything up to the crash
 * (within the writer's 300 ms behind real time), and reports it finished with
 * {@code repairedAfterCrash} through the recording listener, its sidecar marked FINISHED.
 */
class RecordingSurvivesKillSystemTest {

    private static final String AGENT = "1001";
    private static final Duration CONNECT = Duration.ofSeconds(20);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(500);
    /** How much call the file must hold before the kill. */
    private static final Duration RECORDED_BEFORE_KILL = Duration.ofSeconds(4);
    private static final long BYTES_PER_SECOND = 8000 * 4;
    /** The writer commits 300 ms behind real time every 100 ms; the rest is margin for a loaded machine. */
    private static final Duration MAY_LOSE = Duration.ofMillis(700);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger log = LoggerFactory.getLogger(RecordingSurvivesKillSystemTest.class);

    @TempDir
    Path work;

    @Test
    void aRecordingCutByKillNineIsAValidWavUpToTheCrashAndIsRepairedAndReportedOnRestart() throws Exception {
        Path recordings = work.resolve("recordings");
        Map<String, String> overrides = Map.of("recording.directory", recordings.toString());
        AudioClip toneA = AgentTones.agentTone(Duration.ofSeconds(110));
        AudioClip toneB = AgentTones.callerTone(Duration.ofSeconds(115));
        Path wavFile;
        Instant killedAt;
        try (HotlineProcess server = HotlineProcess.start(overrides, work)) {
            try (Baresip agent = Baresip.start(Baresip.Options.agent(AGENT, AcdUnderTest.DEMO_PASSWORDS.get(AGENT),
                    Sipp.LOOPBACK + ":" + server.sipPort(), toneA));
                    Baresip caller = Baresip.start(Baresip.Options.caller(toneB))) {
                agent.awaitRegistered(CONNECT);
                server.api().setStatus(AGENT, "AVAILABLE", "").requireStatus(200);
                server.api().awaitAgent(AGENT, HotlineApi.has("status", "AVAILABLE"), CONNECT, "AVAILABLE");
                AcdUnderTest.callAndPressAgentKey(server, caller);
                BaresipEvent offered = agent.awaitIncoming(CONNECT);
                agent.awaitCallEvent(offered.callId(), "CALL_ESTABLISHED", CONNECT);
                caller.listenUntil(heard -> AgentTones.contains(heard, toneA), LISTEN_EVERY, CONNECT, "the agent's tone");
                Await.until(() -> oneWav(recordings) != null && dataBytes(oneWav(recordings))
                        >= RECORDED_BEFORE_KILL.toSeconds() * BYTES_PER_SECOND, CONNECT, () -> "4 s of recording on disk");
                wavFile = oneWav(recordings);

                killedAt = Instant.now();
                server.kill();
            }
        }

        StereoWav asLeft = StereoWav.read(wavFile); // valid before any repair: the header never claims more than is there
        assertTrue(asLeft.frames() <= dataBytes(wavFile) / 4, "declares " + asLeft.frames());
        JsonNode sidecar = JSON.readTree(sidecarOf(wavFile).toFile());
        assertEquals("RECORDING", sidecar.get("state").asText(), "unfinished at the crash");
        Instant started = Instant.parse(sidecar.get("started").asText());
        Duration upToCrash = Duration.between(started, killedAt);

        CapturedRecordings reported = new CapturedRecordings();
        try (InProcessHotline restarted = InProcessHotline.start(AcdUnderTest.serverOverrides(FreePorts.tcpPort(), overrides),
                Clock.systemUTC(), CallEventListener.NONE, reported)) {
            RecordingInfo repaired = reported.awaitFinished(Duration.ofSeconds(1));

            assertTrue(repaired.repairedAfterCrash());
            assertEquals(sidecar.get("id").asText(), repaired.id());
            assertEquals(sidecar.get("callId").asText(), repaired.callId());
            assertEquals(wavFile.toAbsolutePath(), repaired.file().toAbsolutePath());
            StereoWav wav = StereoWav.read(wavFile);
            assertEquals(repaired.length(), wav.length());
            assertEquals(dataBytes(wavFile) / 4, wav.frames(), "every whole frame on disk");
            Duration lost = upToCrash.minus(wav.length());
            assertTrue(!lost.isNegative() || lost.abs().toMillis() < 50, "no more than up to the crash: lost " + lost);
            assertTrue(lost.compareTo(MAY_LOSE) <= 0, "up to the crash: " + wav.length() + " of " + upToCrash);
            assertTrue(AudioMatch.best(wav.agent(), AgentTones.probe(toneA)).score() >= AgentTones.MIN_SCORE, "agent right");
            assertTrue(AudioMatch.best(wav.caller(), AgentTones.probe(toneB)).score() >= AgentTones.MIN_SCORE, "caller left");
            assertEquals(repaired.ended(), repaired.segments().getLast().to(), "segments closed at the crash");
            JsonNode finished = JSON.readTree(sidecarOf(wavFile).toFile());
            assertEquals("FINISHED", finished.get("state").asText());
            assertTrue(finished.get("repairedAfterCrash").asBoolean());
            assertEquals(repaired.sha256(), finished.get("sha256").asText());
            log.atInfo().addKeyValue("recordedUntilKill", upToCrash).addKeyValue("repairedLength", wav.length())
                    .addKeyValue("lostMs", lost.toMillis()).log("measured: recording repaired after kill -9");
        }
    }

    private static Path oneWav(Path recordings) {
        if (!Files.isDirectory(recordings)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(recordings)) {
            List<Path> wavs = files.filter(f -> f.toString().endsWith(".wav")).toList();
            return wavs.size() == 1 ? wavs.getFirst() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long dataBytes(Path wav) {
        try {
            return Math.max(0, Files.size(wav) - 44);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path sidecarOf(Path wav) {
        String name = wav.getFileName().toString();
        return wav.resolveSibling(name.substring(0, name.length() - ".wav".length()) + ".json");
    }
}
