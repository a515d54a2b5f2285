package org.hotline.agi;

/**
 * What the FastAGI front needs from the Asterisk Manager Interface beyond one channel's AGI
 * session: ringing an agent (Originate), hanging a channel up, stopping a playback. Implemented
 * by {@link AmiClient}; each method returns at once (the outcome of an Originate comes back as an
 * {@code OriginateResponse} event to {@link AgentOffers}). Thread-safe.
 */
interface AsteriskManager {

    /**
     * Starts ringing: {@code Originate} with {@code Async: true} into the agent context.
     *
     * @throws AsteriskUnavailableException if the manager connection is down
     */
    void originate(Origination origination);

    /** Hangs up a channel by name or unique id; a channel already gone is not an error. Best effort, logged. */
    void hangup(String channel);

    /** Stops the file a {@code CONTROL STREAM FILE} plays on {@code channel} (AMI ControlPlayback). Best effort. */
    void stopPlayback(String channel);

    /** Thrown when the manager connection is down: the agent cannot be rung. */
    final class AsteriskUnavailableException extends RuntimeException {
        AsteriskUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
