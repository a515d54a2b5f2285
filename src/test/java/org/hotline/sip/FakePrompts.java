package org.hotline.sip;

import org.hotline.media.AudioClip;
import org.hotline.prompt.Prompts;

/** Every prompt exists and lasts 200 ms of silence. */
final class FakePrompts implements Prompts {

    @Override
    public AudioClip clip(String name, String language) {
        return new AudioClip(name, new short[AudioClip.SAMPLE_RATE_HZ / 5]);
    }
}
