package org.hotline.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hotline.media.Codec;
import org.hotline.media.codec.G711;
import org.hotline.media.rtp.RtpPacket;
import org.junit.jupiter.api.Test;

/** What counts as the caller speaking in a message (silence detection). */
class SpeechMeterTest {

    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");

    @Test
    void aToneIsSpeechAndSilenceOrLineNoiseIsNot() {
        assertTrue(SpeechMeter.isSpeech(tone(0.1)));
        assertFalse(SpeechMeter.isSpeech(tone(0.0)));
        assertFalse(SpeechMeter.isSpeech(tone(0.01)), "-40 dBFS is a quiet line, not speech");
    }

    @Test
    void remembersWhenTheCallerLastSpokeInEitherCodec() {
        SpeechMeter meter = new SpeechMeter(Clock.fixed(T0, ZoneOffset.UTC));
        assertEquals(Optional.empty(), meter.lastSpeech());

        meter.onPacket(packet(Codec.PCMU, tone(0.0)));
        assertEquals(Optional.empty(), meter.lastSpeech());
        meter.onPacket(packet(Codec.PCMA, tone(0.2)));
        assertEquals(Optional.of(T0), meter.lastSpeech());
    }

    @Test
    void aPacketOfAnotherPayloadTypeIsNoSpeech() {
        SpeechMeter meter = new SpeechMeter(Clock.fixed(T0, ZoneOffset.UTC));

        meter.onPacket(new RtpPacket(false, 101, 1, 160, 42, new byte[] {1, 2, 3, 4}));

        assertEquals(Optional.empty(), meter.lastSpeech());
    }

    private static short[] tone(double amplitude) {
        short[] samples = new short[160];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(Math.sin(2 * Math.PI * 440 * i / 8000.0) * amplitude * Short.MAX_VALUE);
        }
        return samples;
    }

    private static RtpPacket packet(Codec codec, short[] samples) {
        return new RtpPacket(false, codec.payloadType(), 1, 160, 42, G711.encode(codec, samples, 0, samples.length));
    }
}
