package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.hotline.recording.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 8 behind Asterisk (rules R9, R19, R20): a caller's message recorded by {@code RECORD FILE}
 * and registered like a standalone one, the overload limit's two treatments, and an after-hours
 * forward to a number through Asterisk's trunk. Asterisk's side is replayed from transcripts
 * (src/test/resources/agi), which cite res_agi.c.
 */
class AgiContinuityTest {

    private static final Duration TIMEOUT = AsteriskSite.TIMEOUT;
    private static final String CALL_ID = "1773106300.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CLOSED_TAKING_MESSAGES = Map.of("hours.alwaysOpen", "false",
            "hours.weekly", "[{days: [SATURDAY], from: '09:00', to: '12:00'}]", "hours.afterHours.action", "MESSAGE");

    @TempDir
    Path asteriskMessages;
    @TempDir
    Path hotlineMessages;

    @ParameterizedTest
    @CsvSource({
            "'200 result=35 (dtmf) endpos=40000', HASH, 5000",
            "'200 result=0 (timeout) endpos=56000', SILENCE, 7000",
            "'200 result=0 (timeout) endpos=960000', MAX_LENGTH, 120000"})
    void registersAMessageAsteriskRecordedLikeAStandaloneOne(String reply, String endedBy, long lengthMs) throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered", messageSite())) {
            AgiTranscript caller = messageTranscript(reply, "step saved", "message.saved");
            CompletableFuture<AgiTranscript> done = site.play(caller);
            Path file = writeWhenRecorded(site, caller, toneWav());

            done.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            CallEvent.MessageLeft left = site.events.awaitOne(CALL_ID, CallEvent.MessageLeft.class, TIMEOUT);
            assertEquals(endedBy, left.endedBy());
            assertEquals(Duration.ofMillis(lengthMs), left.length(), "from RECORD FILE's endpos (8 kHz samples)");
            assertEquals(EndReason.MESSAGE_LEFT, site.events.awaitOne(CALL_ID, CallEvent.Ended.class, TIMEOUT).reason());
            JsonNode message = listed(left.messageId());
            assertEquals("SAVED", message.path("state").asText());
            assertEquals(endedBy, message.path("endedBy").asText());
            assertEquals("AFTER_HOURS", message.path("reason").asText());
            assertEquals(Sha256.of(file), message.path("sha256").asText(), "hashed where Asterisk wrote it");
            assertEquals(file.toString(), message.path("file").asText());
            assertTrue(message.path("speech").asBoolean(), "the caller's tone is speech");
        }
    }

    @Test
    void keepsWhatWasRecordedWhenTheCallerHangsUpDuringRecordFile() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered", messageSite())) {
            AgiTranscript caller = messageTranscript("200 result=-1 (hangup) endpos=16000", "hangup", "message.saved");
            CompletableFuture<AgiTranscript> done = site.play(caller);
            Path file = writeWhenRecorded(site, caller, toneWav());

            done.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            CallEvent.MessageLeft left = site.events.awaitOne(CALL_ID, CallEvent.MessageLeft.class, TIMEOUT);
            assertEquals("HANGUP", left.endedBy());
            assertEquals(Duration.ofSeconds(2), left.length());
            assertEquals(EndReason.CALLER_HANGUP, site.events.awaitOne(CALL_ID, CallEvent.Ended.class, TIMEOUT).reason());
            JsonNode message = listed(left.messageId());
            assertEquals("SAVED", message.path("state").asText());
            assertEquals(Sha256.of(file), message.path("sha256").asText());
            assertTrue(caller.received().stream().noneMatch(line -> line.contains("message.saved")),
                    "nobody to tell: " + caller.received());
        }
    }

    @Test
    void tellsACallerWhoSaidNothingSoAndKeepsTheFile() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered", messageSite())) {
            AgiTranscript caller = messageTranscript("200 result=0 (timeout) endpos=8000", "step saved", "message.empty");
            CompletableFuture<AgiTranscript> done = site.play(caller);
            Path file = writeWhenRecorded(site, caller, silentWav());

            done.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            CallEvent.MessageLeft left = site.events.awaitOne(CALL_ID, CallEvent.MessageLeft.class, TIMEOUT);
            assertEquals("SILENCE", left.endedBy());
            JsonNode message = listed(left.messageId());
            assertEquals("SAVED", message.path("state").asText());
            assertFalse(message.path("speech").asBoolean(), "a quiet line is no speech");
            assertEquals(Sha256.of(file), message.path("sha256").asText());
        }
    }

    @Test
    void playsTheBusyMessageToACallerPastTheOverloadLimit() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered", Map.of("overload.maxCalls", "1"))) {
            CompletableFuture<AgiTranscript> first = holdTheOnlyLine(site);

            site.play(AsteriskSite.transcript("caller-overload-busy.agi", opening("1773106300.2", "2")))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            assertEquals("BUSY_MESSAGE", site.events.awaitOne("1773106300.2", CallEvent.CallRefused.class, TIMEOUT).treatment());
            assertEquals(EndReason.OVERLOADED, site.events.awaitOne("1773106300.2", CallEvent.Ended.class, TIMEOUT).reason());
            releaseTheLine(site, first);
        }
    }

    @Test
    void refusesACallerPastTheOverloadLimitAsCongestionForTheDialplan() throws Exception {
        Map<String, String> reject = Map.of("overload.maxCalls", "1", "overload.treatment", "reject");
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered", reject)) {
            CompletableFuture<AgiTranscript> first = holdTheOnlyLine(site);

            site.play(AsteriskSite.transcript("caller-overload-reject.agi", opening("1773106300.2", "2")))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            assertEquals("REJECT", site.events.awaitOne("1773106300.2", CallEvent.CallRefused.class, TIMEOUT).treatment());
            assertTrue(site.events.of("1773106300.2", CallEvent.Offered.class).isEmpty(), "never offered to the flow");
            releaseTheLine(site, first);
            // the slot is back: the next caller is served again
            AgiTranscript next = AsteriskSite.transcript("caller-holds-line.agi", opening("1773106300.3", "3"));
            CompletableFuture<AgiTranscript> third = site.play(next);
            site.signals.await("line-held", TIMEOUT);
            site.events.awaitOne("1773106300.3", CallEvent.Answered.class, TIMEOUT);
            third.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void dialsAnOnCallNumberThroughAsterisksTrunkWithTheOutboundDialString() throws Exception {
        Map<String, String> forwardToNumber = Map.of("hours.alwaysOpen", "false",
                "hours.weekly", "[{days: [SATURDAY], from: '09:00', to: '12:00'}]",
                "hours.afterHours.action", "FORWARD", "hours.afterHours.forwardUri", "tel:13900139000");
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered", forwardToNumber)) {
            site.play(AsteriskSite.transcript("caller-after-hours-forward-tel.agi", opening(CALL_ID, "1")))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            CallEvent.TransferAttempted transfer = site.events.awaitOne(CALL_ID, CallEvent.TransferAttempted.class, TIMEOUT);
            assertTrue(transfer.succeeded());
            assertEquals(EndReason.TRANSFERRED, site.events.awaitOne(CALL_ID, CallEvent.Ended.class, TIMEOUT).reason());
        }
    }

    // --- helpers ---

    private Map<String, String> messageSite() {
        Map<String, String> config = new HashMap<>(CLOSED_TAKING_MESSAGES);
        config.put("messages.directory", hotlineMessages.toString());
        config.put("agi.messageDirectory", asteriskMessages.toString());
        return config;
    }

    private AgiTranscript messageTranscript(String recordReply, String afterRecording, String confirmation) {
        Map<String, String> variables = new HashMap<>(opening(CALL_ID, "1"));
        variables.put("MESSAGES", Pattern.quote(asteriskMessages.toString()));
        variables.put("RECORD_REPLY", recordReply);
        variables.put("AFTER_RECORDING", afterRecording);
        variables.put("CONFIRMATION", confirmation);
        return AsteriskSite.transcript("caller-leaves-message.agi", variables);
    }

    private static Map<String, String> opening(String uniqueId, String channel) {
        return Map.of("UNIQUEID", uniqueId, "N", channel);
    }

    /** Plays Asterisk writing {@code wav} where RECORD FILE said, then lets it reply. */
    private static Path writeWhenRecorded(AsteriskSite site, AgiTranscript caller, byte[] wav) throws Exception {
        site.signals.await("recording", TIMEOUT);
        String command = caller.received().getLast();
        Matcher named = Pattern.compile("RECORD FILE \"([^\"]+)\" \"wav\".*").matcher(command);
        assertTrue(named.matches(), command);
        Path file = Path.of(named.group(1) + ".wav");
        Files.write(file, wav);
        site.signals.signal("written");
        return file;
    }

    private JsonNode listed(String messageId) throws Exception {
        return JSON.readTree(hotlineMessages.resolve("index").resolve(messageId + ".msg").toFile());
    }

    private static CompletableFuture<AgiTranscript> holdTheOnlyLine(AsteriskSite site) {
        CompletableFuture<AgiTranscript> first = site.play(AsteriskSite.transcript("caller-holds-line.agi",
                opening(CALL_ID, "1")));
        site.signals.await("line-held", TIMEOUT);
        return first;
    }

    private static void releaseTheLine(AsteriskSite site, CompletableFuture<AgiTranscript> first) throws Exception {
        site.signals.signal("release");
        first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(EndReason.CALLER_HANGUP, site.events.awaitOne(CALL_ID, CallEvent.Ended.class, TIMEOUT).reason());
    }

    /** What Asterisk's format_wav writes: RIFF, mono 16-bit PCM at 8 kHz; here 1 s of 1 kHz at about -12 dBFS. */
    static byte[] toneWav() {
        return wav(8000);
    }

    /** 1 s of a quiet line. */
    static byte[] silentWav() {
        return wav(0);
    }

    private static byte[] wav(int amplitude) {
        int samples = 8000;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (amplitude * Math.sin(2 * Math.PI * 1000 * i / 8000.0)));
        }
        return wav.array();
    }
}
