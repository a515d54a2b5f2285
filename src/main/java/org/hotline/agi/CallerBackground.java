package org.hotline.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.fastagi.command.ControlStreamFileCommand;
import org.asteriskjava.fastagi.command.SetMusicOffCommand;
import org.asteriskjava.fastagi.command.SetMusicOnCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.call.Announcement;
import org.hotline.call.Playback;

/**
 * What a queued caller hears while their call thread waits for the ACD, without tying up the AGI
 * session (an agent must be bridged within a second of answering): the music is Asterisk's
 * music on hold, {@code SET MUSIC ON <class>} (res_agi.c {@code handle_setmusic} starts the generator
 * and replies at once), stopped by {@code SET MUSIC OFF}; an announcement (rule R7, R9's phrase) is
 * one {@code CONTROL STREAM FILE} per prompt, which the session runs in order; stopping it withdraws
 * the prompts not yet sent and stops the one playing with AMI {@code ControlPlayback} (which works
 * on {@code CONTROL STREAM FILE} playbacks); no escape digit, so a key press does not end it (a
 * {@code #} or {@code *} may skip within it, Asterisk's forward and rewind keys). While the caller
 * is bridged with an agent the session is busy with
 * {@code Bridge}: Asterisk itself plays hold music when the agent holds (the caller's
 * {@code holdMusicClass}, rule R7's phrase built in), and these calls change nothing.
 *
 * <p>Threading: any thread; the bridged flag is volatile; each playback's state is its own.
 */
final class CallerBackground {

    /** A playback that has finished (the call ended, or Asterisk plays it on its own). */
    static final Playback FINISHED = new Playback() {
        @Override
        public void stop() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    private final AgiCallContext ctx;
    private final AgiSession session;
    private volatile boolean bridged;

    CallerBackground(AgiCallContext ctx, AgiSession session) {
        this.ctx = ctx;
        this.session = session;
    }

    void bridged(boolean on) {
        bridged = on;
    }

    /** Loops the music of {@code announcement}'s first prompt (its musiconhold.conf class) until stopped. */
    Playback music(Announcement announcement) {
        if (bridged) {
            return new Untouched();
        }
        String prompt = announcement.promptNames().getFirst();
        String musicClass = ctx.config().musicClasses().get(prompt);
        if (musicClass == null) {
            throw new IllegalStateException("no music-on-hold class for " + prompt + " (agi.musicClasses)");
        }
        session.send(new SetMusicOnCommand(musicClass));
        return new Music();
    }

    /** Plays the prompts once without blocking; the playback is done when the last prompt's reply came. */
    Playback announce(Announcement announcement) {
        if (bridged) {
            return FINISHED;
        }
        List<CompletableFuture<AgiReply>> prompts = new ArrayList<>();
        for (String prompt : announcement.promptNames()) {
            prompts.add(session.send(new ControlStreamFileCommand(ctx.prompts().path(prompt, announcement.language()), "", 0)));
        }
        return new Spoken(prompts);
    }

    /** The call ended: nothing to stop, the channel is gone. */
    void close() {
        bridged = false;
    }

    private final class Music implements Playback {
        private final AtomicBoolean stopped = new AtomicBoolean();

        @Override
        public void stop() {
            if (stopped.compareAndSet(false, true) && !session.isHungUp()) {
                session.send(new SetMusicOffCommand());
            }
        }

        @Override
        public boolean isDone() {
            return stopped.get();
        }
    }

    private final class Spoken implements Playback {
        private final List<CompletableFuture<AgiReply>> prompts;

        Spoken(List<CompletableFuture<AgiReply>> prompts) {
            this.prompts = List.copyOf(prompts);
        }

        @Override
        public void stop() {
            boolean playing = false;
            for (CompletableFuture<AgiReply> prompt : prompts) {
                if (!prompt.isDone() && !session.withdraw(prompt)) {
                    playing = true;
                }
            }
            if (playing && !session.isHungUp()) {
                ctx.asterisk().stopPlayback(session.request().getChannel());
            }
        }

        @Override
        public boolean isDone() {
            return prompts.stream().allMatch(CompletableFuture::isDone);
        }
    }

    /** While bridged: Asterisk's own hold music plays; this only remembers that it was stopped. */
    private static final class Untouched implements Playback {
        private volatile boolean stopped;

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public boolean isDone() {
            return stopped;
        }
    }
}
