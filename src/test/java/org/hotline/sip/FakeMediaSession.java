package org.hotline.sip;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotline.media.AudioClip;
import org.hotline.media.MediaSession;
import org.hotline.media.RemoteMedia;

/**
 * Records what the front asks of the media: connects, the sending flag, plays, relays. A play completes
 * after the clips' total duration (on a delayed executor, like a real 20 ms clock would) unless
 * stopped first; {@link #pressDigit} plays the part of an RFC 4733 key press.
 */
final class FakeMediaSession implements MediaSession {

    private final String callId;
    private final int port;
    final List<RemoteMedia> connects = new CopyOnWriteArrayList<>();
    final List<Boolean> sendingChanges = new CopyOnWriteArrayList<>();
    final List<List<String>> plays = new CopyOnWriteArrayList<>();
    final List<List<String>> loops = new CopyOnWriteArrayList<>();
    /** Each relayFrom: the source session's call id, or "off". */
    final List<String> relays = new CopyOnWriteArrayList<>();
    private volatile MediaSession relaySource;
    private volatile Consumer<Character> digitListener = d -> { };
    private volatile CompletableFuture<Void> playing = CompletableFuture.completedFuture(null);
    private volatile boolean sending = true;
    private volatile boolean closed;

    FakeMediaSession(String callId, int port) {
        this.callId = callId;
        this.port = port;
    }

    String callId() {
        return callId;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isSending() {
        return sending;
    }

    void pressDigit(char digit) {
        digitListener.accept(digit);
    }

    @Override
    public int localPort() {
        return port;
    }

    @Override
    public void connect(RemoteMedia remote) {
        connects.add(remote);
    }

    @Override
    public void setSending(boolean sending) {
        this.sending = sending;
        sendingChanges.add(sending);
    }

    @Override
    public CompletableFuture<Void> play(List<AudioClip> clips) {
        playing.complete(null);
        plays.add(clips.stream().map(AudioClip::name).toList());
        Duration total = clips.stream().map(AudioClip::duration).reduce(Duration.ZERO, Duration::plus);
        CompletableFuture<Void> f = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(total.toMillis(), TimeUnit.MILLISECONDS).execute(() -> f.complete(null));
        playing = f;
        return f;
    }

    @Override
    public CompletableFuture<Void> play(List<AudioClip> clips, boolean loop) {
        if (loop) {
            loops.add(clips.stream().map(AudioClip::name).toList());
        }
        return play(clips);
    }

    @Override
    public void relayFrom(MediaSession source) {
        relaySource = source;
        relays.add(source == null ? "off" : ((FakeMediaSession) source).callId());
    }

    MediaSession relaySource() {
        return relaySource;
    }

    @Override
    public void stopPlayback() {
        playing.complete(null);
    }

    @Override
    public void setDigitListener(Consumer<Character> listener) {
        digitListener = listener;
    }

    @Override
    public void close() {
        closed = true;
        playing.complete(null);
    }
}
