package org.hotline.recording;

/** The two sides of a recorded call and their WAV channels. */
enum Leg {
    /** What the caller's phone sent: the left channel. */
    CALLER,
    /** What the current agent's phone sent: the right channel. */
    AGENT
}
