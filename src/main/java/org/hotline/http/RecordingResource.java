package org.hotline.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.qa.InvalidScoreException;
import org.hotline.qa.ScoringSheet;
import org.hotline.store.JdbcCallRecordStore;
import org.hotline.store.JdbcQaStore;
import org.hotline.store.StoredRecording;

/**
 * Recordings for QA (rules R14, R15): metadata with its scores, the audio streamed or downloaded
 * with HTTP range requests (RFC 9110 §14, what a browser's audio player sends to seek), and score
 * submission against the scoring sheet with who scored and when. The file-system path never
 * leaves the server. Roles qa, supervisor, admin; every access is audited. Immutable.
 *
 * <pre>
 *   GET  /api/recordings/{recordingId}          200 {"recording": {...}, "scores": [...]} (status DELETED once
 *                                               retention deleted its audio); 404
 *   GET  /api/recordings/{recordingId}/audio    200/206 audio/wav (Range: bytes=...), ?download=true as attachment;
 *                                               404; 409 still recording; 410 deleted by retention or file gone; 416
 *   POST /api/recordings/{recordingId}/scores   {"ratings": {"greeting": 4, ...}, "remarks": "..."}
 *                                               201 {"scoreId", "total", ...}; 400 {"error", "field"}; 404; 410 deleted
 *   GET  /api/recordings/{recordingId}/scores   200 {"scores": [...]}
 * </pre>
 */
public final class RecordingResource {

    static final int MAX_REMARKS = 2000;
    private static final int COPY_BUFFER = 64 * 1024;

    private final JdbcCallRecordStore store;
    private final JdbcQaStore qa;
    private final ScoringSheet sheet;
    private final ApiAccess access;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public RecordingResource(JdbcCallRecordStore store, JdbcQaStore qa, ScoringSheet sheet, ApiAccess access, Clock clock) {
        this.store = store;
        this.qa = qa;
        this.sheet = sheet;
        this.access = access;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/recordings/{recordingId}", access.guard(ApiAccess.QA_STAFF, "read-recording",
                        (request, user) -> metadata(request))),
                Route.get("/api/recordings/{recordingId}/audio", access.guard(ApiAccess.QA_STAFF, "listen",
                        (request, user) -> audio(request))),
                Route.post("/api/recordings/{recordingId}/scores", access.guard(ApiAccess.QA_STAFF, "score", this::score)),
                Route.get("/api/recordings/{recordingId}/scores", access.guard(ApiAccess.QA_STAFF, "read-scores",
                        (request, user) -> scores(request))));
    }

    record ScoreView(long scoreId, String callId, String recordingId, String scoredBy, String scoredAt, double total,
            JsonNode ratings, String remarks) {}

    private ApiResponse metadata(ApiRequest request) {
        String id = request.parameter("recordingId");
        return StoreResource.available(() -> store.recording(id)
                .map(recording -> ApiResponse.ok(Map.of("recording", StoreViews.recording(recording), "scores", scoreViews(id))))
                .orElse(notFound(id)));
    }

    private ApiResponse scores(ApiRequest request) {
        String id = request.parameter("recordingId");
        return StoreResource.available(() -> store.recording(id).isEmpty() ? notFound(id)
                : ApiResponse.ok(Map.of("scores", scoreViews(id))));
    }

    private List<ScoreView> scoreViews(String recordingId) {
        return qa.scores(recordingId).stream().map(score -> new ScoreView(score.id(), score.callId(), score.recordingId(),
                score.scoredBy(), StoreViews.text(score.scoredAt()), score.total().doubleValue(), tree(score.ratings()),
                score.remarks())).toList();
    }

    private ApiResponse audio(ApiRequest request) {
        String id = request.parameter("recordingId");
        return StoreResource.available(() -> {
            Optional<StoredRecording> found = store.recording(id);
            if (found.isEmpty()) {
                return notFound(id);
            }
            if (found.get().status() == StoredRecording.Status.DELETED) {
                return gone(id);
            }
            if (found.get().status() != StoredRecording.Status.FINISHED) {
                return ApiResponse.error(409, "recording " + id + " is still being written", null);
            }
            Path file = Path.of(found.get().file());
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                return gone(id);
            }
            return send(found.get(), file, size, request);
        });
    }

    private static ApiResponse send(StoredRecording recording, Path file, long size, ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Ranges", "bytes");
        headers.put("Cache-Control", "private, no-store");
        if (recording.sha256() != null) {
            headers.put("ETag", "\"" + recording.sha256() + "\"");
        }
        if (request.query("download").map(Boolean::parseBoolean).orElse(false)) {
            headers.put("Content-Disposition", "attachment; filename=\"" + recording.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".wav\"");
        }
        return switch (ByteRange.parse(request.header("range"), size)) {
            case ByteRange.Request.Whole whole ->
                    new ApiResponse(200, new ApiResponse.Bytes("audio/wav", size, out -> copy(file, 0, size, out)), headers);
            case ByteRange.Request.Part part -> {
                headers.put("Content-Range", part.range().contentRange(size));
                yield new ApiResponse(206, new ApiResponse.Bytes("audio/wav", part.range().length(),
                        out -> copy(file, part.range().first(), part.range().length(), out)), headers);
            }
            case ByteRange.Request.Unsatisfiable none -> {
                headers.put("Content-Range", "bytes */" + size);
                yield new ApiResponse(416, Map.of("error", "range outside the " + size + " bytes of the recording"), headers);
            }
        };
    }

    private static void copy(Path file, long from, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                InputStream in = Channels.newInputStream(channel.position(from))) {
            byte[] buffer = new byte[COPY_BUFFER];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException(file.getFileName() + " ended " + left + " bytes early");
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }

    private ApiResponse score(ApiRequest request, ApiAccess.ApiUser user) {
        String id = request.parameter("recordingId");
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (JacksonException e) {
            return ApiResponse.error(400, "the body is not JSON: " + e.getOriginalMessage(), "(body)");
        } catch (IOException e) {
            return ApiResponse.error(400, "the body cannot be read", "(body)");
        }
        if (body == null || !body.isObject()) {
            return ApiResponse.error(400, "expected a JSON object like {\"ratings\": {\"greeting\": 4, ...}}", "(body)");
        }
        ScoringSheet.Rated rated;
        try {
            rated = sheet.rate(body.get("ratings"));
        } catch (InvalidScoreException e) {
            return ApiResponse.error(400, e.getMessage(), e.field());
        }
        JsonNode remarks = body.get("remarks");
        if (remarks != null && !remarks.isNull() && (!remarks.isTextual() || remarks.asText().length() > MAX_REMARKS)) {
            return ApiResponse.error(400, "remarks must be text of at most " + MAX_REMARKS + " characters", "remarks");
        }
        String text = remarks == null || remarks.isNull() ? null : remarks.asText();
        return StoreResource.available(() -> store.recording(id).map(recording -> {
            if (recording.status() == StoredRecording.Status.DELETED) {
                return gone(id);
            }
            JdbcQaStore.Score score = new JdbcQaStore.Score(0, recording.callId(), id, user.name(), clock.instant(),
                    rated.total(), write(rated.ratings()), text);
            long scoreId = qa.addScore(score);
            return new ApiResponse(201, new ScoreView(scoreId, score.callId(), id, score.scoredBy(),
                    StoreViews.text(score.scoredAt()), score.total().doubleValue(), tree(score.ratings()), text));
        }).orElse(notFound(id)));
    }

    /** Rule R15: deleted by the retention job (or the file is missing); its metadata and scores stay readable. */
    private static ApiResponse gone(String id) {
        return ApiResponse.error(410, "the audio of recording " + id + " is no longer kept (retention, rule R15)", null);
    }

        private static ApiResponse notFound(String id) {
        return ApiResponse.error(404, "no recording " + id, null);
    }

    private String write(Map<String, Integer> ratings) {
        try {
            return json.writeValueAsString(ratings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ratings", e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ratings are not JSON: " + text, e);
        }
    }
}
