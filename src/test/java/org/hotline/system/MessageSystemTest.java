package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Leaving a message (rules R9, R20) with real softphones: queue general fails at once while no agent
 * is logged in (whenNoAgents: fail), so a baresip caller who presses the agent key hears rule R9's
 * apology and the message offer, presses 1, hears the prompt and the beep and speaks (its test
 * tone) until it presses #; it hears the message confirmed and the closing. The message is listed
 * by the API with its reason and end, its WAV (caller on the left) holds the caller's tone, and it
 * can be assigned to an agent. A caller who says nothing is cut off by the silence detection and
 * told no message was heard; the (silent) file is still kept.
 */
class MessageSystemTest {

    private static final Duration OFFER = Duration.ofSeconds(40);
    private static final Duration PROMPT = Duration.ofSeconds(20);
    private static final Duration SPOKEN = Duration.ofSeconds(3);
    private static final Duration GOODBYE = Duration.ofSeconds(25);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(250);

    @Test
    void aCallerTheQueueCannotServeLeavesAMessageHoldingTheirVoice() {
        Path directory = RunDirectory.create("messages");
        AudioClip voice = AgentTones.callerTone(Duration.ofSeconds(90));
        try (AcdUnderTest acd = AcdUnderTest.start(Map.of("queues[0].whenNoAgents", "fail",
                "messages.directory", directory.toString()))) {
            Baresip caller = acd.caller(voice);
            acd.callAndPressAgentKey(caller);
            caller.listenUntil(heard -> heard(heard, "message.offer"), LISTEN_EVERY, OFFER, "the message offer");
            caller.pressKey('1');
            AudioClip beep = caller.listenUntil(heard -> heard(heard, "tone.beep"), LISTEN_EVERY, PROMPT, "the beep");
            Duration recordingFrom = beep.duration();
            caller.listenUntil(heard -> heard.duration().compareTo(recordingFrom.plus(SPOKEN)) >= 0, LISTEN_EVERY, PROMPT,
                    "three seconds of message");
            caller.pressKey('#');
            Baresip.CallRecording call = caller.recording(GOODBYE);

            AudioMatch.Match saved = AudioMatch.assertContains(call.audio(), HotlinePrompts.zhCn("message.saved"),
                    AudioMatch.DEFAULT_MIN_SCORE);
            AudioMatch.Match closing = AudioSequence.bestIn(call.audio(), AcdUnderTest.lastPrompt("closing.normal"), saved.end(),
                    call.audio().duration());
            assertTrue(closing.score() >= AudioMatch.DEFAULT_MIN_SCORE, "the closing after the confirmation: " + closing);
            assertTrue(call.closedByPeer(), call.closeReason());
            JsonNode message = onlyMessage(acd);
            assertEquals("SAVED", message.path("state").asText(), message.toString());
            assertEquals("HASH", message.path("endedBy").asText(), message.toString());
            assertEquals("NOT_SERVED", message.path("reason").asText(), message.toString());
            assertEquals("general", message.path("queue").asText(), message.toString());
            assertTrue(message.path("speech").asBoolean(), message.toString());
            assertTrue(message.path("lengthSeconds").asDouble() >= 2.5, message.toString());
            AudioClip left = Wav.readLeftChannel(onlyWav(directory));
            AudioMatch.assertContains(left, AgentTones.probe(voice), AgentTones.MIN_SCORE);

            String id = message.path("id").asText();
            Await.until(() -> acd.api().getAsSupervisor("/api/recordings/" + id).status() == 200, Duration.ofSeconds(10),
                    () -> "the message's recording in the store");
            JsonNode recording = acd.api().getAsSupervisor("/api/recordings/" + id).requireStatus(200).body();
            assertEquals(message.path("callId").asText(), recording.path("recording").path("callId").asText(),
                    "the message is stored like a recording, linked to its call: " + recording);
            HotlineApi.Reply assigned = acd.api().assignMessage(id, "1001").requireStatus(200);
            assertEquals("1001", assigned.body().path("assignee").asText());
            acd.assertNothingLeft();
        }
    }

    @Test
    void aSilentCallerIsCutOffBySilenceAndToldNoMessageWasHeard() {
        Path directory = RunDirectory.create("messages-silent");
        try (AcdUnderTest acd = AcdUnderTest.start(Map.of("queues[0].whenNoAgents", "fail",
                "messages.directory", directory.toString(), "messages.silence", "2s"))) {
            Baresip caller = acd.caller(TestAudio.silence(Duration.ofSeconds(90)));
            acd.callAndPressAgentKey(caller);
            caller.listenUntil(heard -> heard(heard, "message.offer"), LISTEN_EVERY, OFFER, "the message offer");
            caller.pressKey('1');
            Baresip.CallRecording call = caller.recording(GOODBYE.plus(PROMPT));

            AudioMatch.assertContains(call.audio(), HotlinePrompts.zhCn("message.empty"), AudioMatch.DEFAULT_MIN_SCORE);
            JsonNode message = onlyMessage(acd);
            assertEquals("SILENCE", message.path("endedBy").asText(), message.toString());
            assertTrue(!message.path("speech").asBoolean(), message.toString());
            assertTrue(Files.exists(onlyWav(directory)), "the silent message is kept");
            acd.assertNothingLeft();
        }
    }

    private static JsonNode onlyMessage(AcdUnderTest acd) {
        Await.until(() -> acd.api().messages().stream().anyMatch(m -> m.path("state").asText().equals("SAVED")),
                Duration.ofSeconds(10), () -> "a saved message in " + acd.api().messages());
        List<JsonNode> messages = acd.api().messages();
        assertEquals(1, messages.size(), messages.toString());
        return messages.getFirst();
    }

    private static Path onlyWav(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> wavs = files.filter(file -> file.toString().endsWith(".wav")).toList();
            assertEquals(1, wavs.size(), wavs.toString());
            return wavs.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean heard(AudioClip heard, String prompt) {
        return AudioMatch.best(heard, HotlinePrompts.zhCn(prompt)).score() >= AudioMatch.DEFAULT_MIN_SCORE;
    }
}
