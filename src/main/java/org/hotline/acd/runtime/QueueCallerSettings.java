package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * What a queue means for its callers beyond the engine's {@link org.hotline.acd.QueuePolicy}: their
 * priority, the music they hear, the whisper to the agent, and rule R7's hold announcements (timed
 * on the caller's thread, from the hold's start; the queue announcements are the engine's).
 *
 * @param holdAnnounceFirst rule R7: hold.still-checking this long after the agent put the caller on hold
 * @param holdAnnounceEvery rule R7: repeated at this interval while the hold goes on
 */
public record QueueCallerSettings(
        String queue,
        int priority,
        String musicOnHold,
        boolean whisper,
        Duration holdAnnounceFirst,
        Duration holdAnnounceEvery) {

    public QueueCallerSettings {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(musicOnHold, "musicOnHold");
        if (!holdAnnounceFirst.isPositive() || !holdAnnounceEvery.isPositive()) {
            throw new IllegalArgumentException("hold announcement times must be positive");
        }
    }

    /** The same queue without the whisper (a callback's agent hears who is called back instead). */
    public QueueCallerSettings withoutWhisper() {
        return new QueueCallerSettings(queue, priority, musicOnHold, false, holdAnnounceFirst, holdAnnounceEvery);
    }

    /** The prompt whispering this queue's name to the agent. */
    public String namePrompt() {
        return AcdPrompts.queueName(queue);
    }
}
