package org.hotline.recording;

import java.util.function.Consumer;
import org.hotline.media.MediaSession;
import org.hotline.media.rtp.RtpSession;
import org.hotline.media.rtp.RtpPacket;

/**
 * Connects a recording to a media session's received audio: on the Netty engine, the session's
 * audio listener ({@link RtpSession#setAudioListener}, the hook at the end of its inbound pipeline),
 * which hands each packet of the negotiated codec over on the event loop. Other media
 * implementations (test fakes) cannot be tapped. Stateless.
 */
final class AudioTaps {

    private static final Consumer<RtpPacket> NOTHING = packet -> { };

    private AudioTaps() {
    }

    /** False if {@code session} cannot be tapped. */
    static boolean attach(MediaSession session, Consumer<RtpPacket> tap) {
        if (session instanceof RtpSession rtp) {
            rtp.setAudioListener(tap);
            return true;
        }
        return false;
    }

    static void detach(MediaSession session) {
        if (session instanceof RtpSession rtp) {
            rtp.setAudioListener(NOTHING);
        }
    }
}
