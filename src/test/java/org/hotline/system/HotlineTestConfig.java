package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a Hotline under test runs: the {@code --set}-style overrides of config/hotline.yaml
 * ({@code ConfigLoader.loadDefault(overrides)}) that put SIP and RTP on 127.0.0.1 with free ports,
 * read the checked-in prompts, keep the line open 7x24 so a test never lands in the after-hours
 * message (rule R19), and put recordings under {@link #RECORDINGS}. Everything else keeps the demo
 * defaults: number 4008001234, ring delay 2 s, rule R5's 5 s and 5 s. The store is an embedded H2
 * file in a temporary directory.
 */
public record HotlineTestConfig(int sipPort, int rtpPortMin, int rtpPortMax, Path promptsDirectory) {

    /** Where the recordings of system-test calls go (not the project's data/): {@code mvn clean} removes them. */
    public static final Path RECORDINGS = Path.of("target", "system-test-recordings").toAbsolutePath();

    /** Where the messages system-test callers leave go (not the project's data/). */
    public static final Path MESSAGES = Path.of("target", "system-test-messages").toAbsolutePath();

    /** Ports for this many calls at once (an even RTP port and the odd RTCP port each). */
    private static final int CALLS = 20;

    /** Free ports now; the prompts in the project's prompts/ directory. */
    public static HotlineTestConfig onFreePorts() {
        int rtpPortMin = FreePorts.block(2 * CALLS, 2);
        return new HotlineTestConfig(FreePorts.sipPort(), rtpPortMin, rtpPortMin + 2 * CALLS - 1,
                HotlinePrompts.DIRECTORY.toAbsolutePath());
    }

    public Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("sip.bindAddress", Sipp.LOOPBACK);
        overrides.put("sip.advertisedAddress", Sipp.LOOPBACK);
        overrides.put("sip.port", Integer.toString(sipPort));
        overrides.put("rtp.bindAddress", Sipp.LOOPBACK);
        overrides.put("rtp.portMin", Integer.toString(rtpPortMin));
        overrides.put("rtp.portMax", Integer.toString(rtpPortMax));
        overrides.put("prompts.directory", promptsDirectory.toString());
        overrides.put("hours.alwaysOpen", "true");
        overrides.put("hours.weekly", "[]");
        overrides.put("recording.directory", RECORDINGS.toString()); // rule R14: the demo queues record every call
        overrides.put("messages.directory", MESSAGES.toString()); // rules R9, R19, R20
        overrides.put("http.bindAddress", Sipp.LOOPBACK);
        overrides.put("http.port", "0"); // a free port: never the default 8080 another server on the machine holds
        Path store = storeDirectory();
        overrides.put("store.jdbcUrl", "jdbc:h2:file:" + store.resolve("hotline") + ";WRITE_DELAY=0");
        overrides.put("store.spoolDirectory", store.resolve("spool").toString());
        return overrides;
    }

    /** Each server under test keeps its call records in its own embedded database (issue 4). */
    private static Path storeDirectory() {
        try {
            return Files.createTempDirectory("hotline-store");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a store directory for the test", e);
        }
    }
}
