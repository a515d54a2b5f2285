package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

class AudioActivityTest {

    private static final AudioClip BEEP = TestAudio.tone("beep", 1000, Duration.ofMillis(400), 0.3);

    @Test
    void findsAudibleStretchesOnTwentyMillisecondFrames() {
        AudioClip line = TestAudio.mixAt(TestAudio.noise(Duration.ofSeconds(10), 0.001, 1), BEEP, Duration.ofMillis(2000));
        line = TestAudio.mixAt(line, BEEP, Duration.ofMillis(7000));

        assertEquals(List.of(segment(2000, 2400), segment(7000, 7400)), AudioActivity.segments(line));
    }

    @Test
    void bridgesPausesShorterThanTheBridge() {
        AudioClip line = TestAudio.mixAt(TestAudio.silence(Duration.ofSeconds(6)), BEEP, Duration.ofMillis(1000));
        line = TestAudio.mixAt(line, BEEP, Duration.ofMillis(2400));
        line = TestAudio.mixAt(line, BEEP, Duration.ofMillis(4400));

        assertEquals(List.of(segment(1000, 2800), segment(4400, 4800)), AudioActivity.segments(line));
    }

    @Test
    void picksTheSegmentAMatchedPromptFallsIn() {
        List<AudioActivity.Segment> segments = List.of(segment(1000, 2800), segment(4400, 4800));

        assertEquals(segment(4400, 4800),
                AudioActivity.segmentOverlapping(segments, Duration.ofMillis(4380), Duration.ofMillis(4700)));
        assertThrows(AssertionError.class,
                () -> AudioActivity.segmentOverlapping(segments, Duration.ofMillis(3000), Duration.ofMillis(4000)));
    }

    private static AudioActivity.Segment segment(long fromMillis, long toMillis) {
        return new AudioActivity.Segment(Duration.ofMillis(fromMillis), Duration.ofMillis(toMillis));
    }
}
