package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.call.Announcement;
import org.hotline.call.CallControl;
import org.hotline.call.Playback;

/**
 * What a queued or held caller hears in the background: music on hold, looped, interrupted by
 * announcements (rule R7, R9's transfer phrase) that play without blocking the caller's thread, so
 * an agent's answer is never kept waiting behind an announcement. The music resumes once an
 * announcement ends: {@link #settle()} notices that, and {@link #pollInterval()} says how soon to
 * look again.
 *
 * <p>Threading: the caller's virtual thread only.
 */
final class CallerAudio {

    /** How often a playing announcement is checked for its end, to bring the music back. */
    static final Duration ANNOUNCEMENT_POLL = Duration.ofMillis(200);

    private final CallControl call;
    private final String language;
    private String music;
    private Playback playing;
    private boolean announcing;

    CallerAudio(CallControl call, String language) {
        this.call = call;
        this.language = language;
    }

    /** Loops {@code prompt} from now on, also after announcements, until {@link #stop()}. */
    void music(String prompt) {
        music = prompt;
        announcing = false;
        start(Announcement.of(language, prompt), true);
    }

    /** Plays the prompts once over (instead of) the music; the music comes back when they end. */
    void announce(List<String> prompts) {
        start(new Announcement(prompts, language, false), false);
        announcing = true;
    }

    /** Plays the prompts once, then loops {@code thenMusic} (a caller moved to another queue's music). */
    void announce(List<String> prompts, String thenMusic) {
        music = thenMusic;
        announce(prompts);
    }

    /** If an announcement has ended, the music plays again. */
    void settle() {
        if (announcing && playing.isDone()) {
            announcing = false;
            if (music != null) {
                start(Announcement.of(language, music), true);
            }
        }
    }

    /** While an announcement plays: how long to wait before {@link #settle()} should look again. */
    Optional<Duration> pollInterval() {
        return announcing ? Optional.of(ANNOUNCEMENT_POLL) : Optional.empty();
    }

    /** Silence: no music, no announcement (the caller is about to be bridged or to leave). */
    void stop() {
        music = null;
        announcing = false;
        if (playing != null) {
            playing.stop();
            playing = null;
        }
    }

    /** Stops what plays first: a playback handle only ever stops its own sound. */
    private void start(Announcement announcement, boolean loop) {
        if (playing != null) {
            playing.stop();
        }
        playing = call.startPlayback(announcement, loop);
    }
}
