package org.hotline.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.recording.RecordingInfo.Segment;

/**
 * The metadata beside each recording, {@code <id>.json} next to {@code <id>.wav}: everything in
 * {@link RecordingInfo} plus its state, so a start-up after a crash finds the unfinished files
 * ({@link State#RECORDING}) and knows their call, times and segments. Written whole to a temporary
 * file, forced to disk, then renamed over the old one (atomic), so a crash leaves the old or the
 * new version, never half of one. The WAV is named relative to the sidecar: the directory can move.
 *
 * <p>Stateless; any thread (one writer per file).
 */
final class Sidecar {

    /** Where a recording stands. */
    enum State { RECORDING, FINISHED, FAILED }

    /** A sidecar as read back. */
    record Stored(RecordingInfo info, State state) {
    }

    static final String SUFFIX = ".json";
    static final String TEMP_SUFFIX = ".json.tmp";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Sidecar() {
    }

    /** {@code <dir>/<id>.json} for the WAV {@code <dir>/<id>.wav}. */
    static Path of(Path wav) {
        String name = wav.getFileName().toString();
        String id = name.endsWith(".wav") ? name.substring(0, name.length() - 4) : name;
        return wav.resolveSibling(id + SUFFIX);
    }

    static void write(RecordingInfo info, State state) throws IOException {
        Path target = of(info.file());
        Path temp = target.resolveSibling(info.id() + TEMP_SUFFIX);
        Files.write(temp, JSON.writeValueAsBytes(toJson(info, state)), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @throws IOException also when the file is not a recording's sidecar */
    static Stored read(Path sidecar) throws IOException {
        JsonNode root = JSON.readTree(sidecar.toFile());
        try {
            List<Segment> segments = new ArrayList<>();
            for (JsonNode s : root.path("segments")) {
                segments.add(new Segment(s.get("kind").asText(), Instant.parse(s.get("from").asText()),
                        instant(s.get("to")), text(s.get("agent"))));
            }
            RecordingInfo info = new RecordingInfo(root.get("id").asText(), root.get("callId").asText(),
                    sidecar.resolveSibling(root.get("file").asText()), Instant.parse(root.get("started").asText()),
                    instant(root.get("ended")), Duration.parse(root.get("length").asText()),
                    text(root.get("sha256")), segments, text(root.get("queue")), text(root.get("agent")),
                    root.path("repairedAfterCrash").asBoolean());
            return new Stored(info, State.valueOf(root.get("state").asText()));
        } catch (RuntimeException e) {
            throw new IOException("not a recording sidecar: " + sidecar + " (" + e.getMessage() + ")", e);
        }
    }

    private static ObjectNode toJson(RecordingInfo info, State state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", info.id());
        root.put("callId", info.callId());
        root.put("state", state.name());
        root.put("file", info.file().getFileName().toString());
        root.put("format", "WAV PCM 16-bit 8000 Hz stereo: caller left, agent right");
        root.put("started", info.started().toString());
        root.put("ended", info.ended() == null ? null : info.ended().toString());
        root.put("length", info.length().toString());
        root.put("sha256", info.sha256());
        root.put("queue", info.queue());
        root.put("agent", info.agent());
        root.put("repairedAfterCrash", info.repairedAfterCrash());
        ArrayNode segments = root.putArray("segments");
        for (Segment s : info.segments()) {
            ObjectNode node = segments.addObject();
            node.put("kind", s.kind());
            node.put("from", s.from().toString());
            node.put("to", s.to() == null ? null : s.to().toString());
            node.put("agent", s.agent());
        }
        return root;
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
