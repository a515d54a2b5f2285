package org.hotline.message;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hotline.media.Codec;
import org.hotline.media.codec.G711;
import org.hotline.media.rtp.RtpPacket;

/**
 * When the caller last spoke, from the audio packets of their message: a 20 ms frame whose RMS is
 * above {@link #SPEECH_RMS} (about -35 dBFS, well above a quiet line's noise and comfort noise)
 * counts as speech. Silence detection ends a message some seconds after the last speech.
 *
 * <p>Threading: {@link #onPacket} on the RTP event loop, {@link #lastSpeech} from the call's thread;
 * the instant is published through a volatile field.
 */
final class SpeechMeter {

    /** Linear RMS of 16-bit samples above which a frame is speech. */
    static final double SPEECH_RMS = 600;

    private final Clock clock;
    private volatile Instant lastSpeech;

    SpeechMeter(Clock clock) {
        this.clock = clock;
    }

    void onPacket(RtpPacket packet) {
        Codec codec = codecOf(packet.payloadType());
        if (codec != null && isSpeech(G711.decode(codec, packet.payload()))) {
            lastSpeech = clock.instant();
        }
    }

    /** When the caller last spoke, if they did. */
    Optional<Instant> lastSpeech() {
        return Optional.ofNullable(lastSpeech);
    }

    static boolean isSpeech(short[] samples) {
        if (samples.length == 0) {
            return false;
        }
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / samples.length) > SPEECH_RMS;
    }

    private static Codec codecOf(int payloadType) {
        for (Codec codec : Codec.values()) {
            if (codec.payloadType() == payloadType) {
                return codec;
            }
        }
        return null;
    }
}
