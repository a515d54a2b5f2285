package org.hotline.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.media.AudioClip;

/**
 * Rule R5 as a caller observes it, measured on the timeline of what the caller heard: the menu
 * prompt is heard twice and the goodbye once (cross-correlation gives where each starts), the
 * announcement before each pause ends where the audio last went quiet plus the prompts' trailing
 * silence, and the hang-up instant comes from the signalling (baresip's CALL_CLOSED or SIPp's BYE)
 * mapped onto the same timeline. Assumes the repeated announcement starts with the menu prompt.
 *
 * @param menuEnd      end of the first announcement containing the menu prompt
 * @param repeatStart  start of the repeated menu prompt
 * @param repeatEnd    end of the repeated announcement
 * @param goodbyeStart start of the goodbye prompt
 * @param goodbyeEnd   end of the goodbye prompt
 * @param hangup       when the call was hung up, on the same timeline
 */
public record SilentLineTimeline(Duration menuEnd, Duration repeatStart, Duration repeatEnd, Duration goodbyeStart,
                                 Duration goodbyeEnd, Duration hangup) {

    /** A segment may end this much after the next prompt's match starts (one 20 ms frame, rounded up). */
    private static final Duration FRAME_SLACK = Duration.ofMillis(40);

    /**
     * Measures a recording of a silent call.
     *
     * @param menuPrompt      the prompt that opens the menu announcement, e.g. menu.main
     * @param goodbye         rule R5's goodbye, silent.goodbye
     * @param hangup          when the call was hung up, as an offset into the recording
     * @param trailingSilence silence at the end of each prompt file (prompts/generate.sh pads 150 ms),
     *                        inaudible but part of the playback the 5 s count from
     */
    public static SilentLineTimeline measure(AudioClip recording, AudioClip menuPrompt, AudioClip goodbye,
                                             Duration hangup, Duration trailingSilence) {
        List<AudioMatch.Match> menus = AudioMatch.all(recording, menuPrompt, AudioMatch.DEFAULT_MIN_SCORE);
        List<AudioMatch.Match> goodbyes = AudioMatch.all(recording, goodbye, AudioMatch.DEFAULT_MIN_SCORE);
        if (menus.size() != 2 || goodbyes.size() != 1) {
            throw new AssertionError("rule R5: a silent caller hears the menu twice and the goodbye once; heard "
                    + menus + " and " + goodbyes + " in " + recording.duration() + " of " + recording.name());
        }
        AudioMatch.Match repeat = menus.get(1);
        AudioMatch.Match bye = goodbyes.getFirst();
        if (bye.offset().compareTo(repeat.end()) < 0) {
            throw new AssertionError("rule R5: the goodbye " + bye + " comes before the repeated menu " + repeat + " ended");
        }
        List<AudioActivity.Segment> segments = AudioActivity.segments(recording);
        return new SilentLineTimeline(
                lastAudibleEndBefore(segments, repeat.offset()).plus(trailingSilence),
                repeat.offset(),
                lastAudibleEndBefore(segments, bye.offset()).plus(trailingSilence),
                bye.offset(),
                bye.end(),
                hangup);
    }

    public Duration silenceBeforeRepeat() {
        return repeatStart.minus(menuEnd);
    }

    public Duration silenceBeforeGoodbye() {
        return goodbyeStart.minus(repeatEnd);
    }

    public Duration goodbyeToHangup() {
        return hangup.minus(goodbyeEnd);
    }

    /** Rule R5: repeat after {@code noInput}, goodbye after {@code noInput} more, hang up {@code afterGoodbye} later. */
    public void assertRuleR5(Duration noInput, Duration afterGoodbye, Duration tolerance) {
        List<String> violations = new ArrayList<>();
        check("silence before the repeat", silenceBeforeRepeat(), noInput, tolerance, violations);
        check("silence before the goodbye", silenceBeforeGoodbye(), noInput, tolerance, violations);
        check("goodbye to hang-up", goodbyeToHangup(), afterGoodbye, tolerance, violations);
        if (!violations.isEmpty()) {
            throw new AssertionError("rule R5 timing: " + String.join("; ", violations) + "\n" + this);
        }
    }

    private static void check(String what, Duration measured, Duration expected, Duration tolerance, List<String> violations) {
        if (measured.minus(expected).abs().compareTo(tolerance) > 0) {
            violations.add(String.format(Locale.ROOT, "%s was %s, expected %s ± %s", what, seconds(measured), seconds(expected), seconds(tolerance)));
        }
    }

    private static Duration lastAudibleEndBefore(List<AudioActivity.Segment> segments, Duration promptStart) {
        return segments.stream()
                .map(AudioActivity.Segment::end)
                .filter(end -> end.compareTo(promptStart.plus(FRAME_SLACK)) <= 0)
                .max(Duration::compareTo)
                .orElseThrow(() -> new AssertionError("nothing audible before the prompt at " + seconds(promptStart) + ": " + segments));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return "menu ends " + seconds(menuEnd) + ", repeat " + seconds(repeatStart) + " to " + seconds(repeatEnd)
                + ", goodbye " + seconds(goodbyeStart) + " to " + seconds(goodbyeEnd) + ", hang-up " + seconds(hangup)
                + " (pauses " + seconds(silenceBeforeRepeat()) + ", " + seconds(silenceBeforeGoodbye()) + ", "
                + seconds(goodbyeToHangup()) + ")";
    }
}
