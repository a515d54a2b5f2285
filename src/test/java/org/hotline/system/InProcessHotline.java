package org.hotline.system;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.Hotline;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.event.CallEventListener;
import org.hotline.recording.RecordingListener;

/**
 * The Hotline server started in the test JVM through its composition root, configured by
 * {@link HotlineTestConfig} (127.0.0.1, free ports, always open) plus a test's own overrides.
 * Uses {@code Hotline.start(HotlineConfig, Clock)} and {@code ConfigLoader.loadDefault(Map)} with
 * dotted keys.
 */
public final class InProcessHotline implements HotlineUnderTest {

    private final Hotline hotline;

    private InProcessHotline(Hotline hotline) {
        this.hotline = hotline;
    }

    /** The demo configuration on free loopback ports, on the real clock. */
    public static InProcessHotline start() {
        return start(Map.of(), Clock.systemUTC());
    }

    /**
     * @param overrides extra {@code --set}-style keys over {@link HotlineTestConfig#overrides()}
     * @param clock     the server's clock: {@code Clock.offset} shifts the time of day (rule R2's
     *                  salutation) while timers still run in real time
     */
    public static InProcessHotline start(Map<String, String> overrides, Clock clock) {
        return start(overrides, clock, CallEventListener.NONE, RecordingListener.NONE);
    }

    /** As {@link #start(Map, Clock)}, with listeners observing the calls and the recordings (rule R14). */
    public static InProcessHotline start(Map<String, String> overrides, Clock clock, CallEventListener events,
            RecordingListener recordings) {
        Map<String, String> all = new LinkedHashMap<>(HotlineTestConfig.onFreePorts().overrides());
        all.putAll(overrides);
        HotlineConfig config = ConfigLoader.loadDefault(all);
        return new InProcessHotline(Hotline.start(config, clock, events, recordings));
    }

    /** The server itself, for the counts a leak test reads. */
    public Hotline server() {
        return hotline;
    }

    @Override
    public int sipPort() {
        return hotline.sipPort();
    }

    @Override
    public void close() {
        hotline.close();
    }
}
