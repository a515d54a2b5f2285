package org.hotline.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.store.CallRecord;
import org.hotline.store.JdbcCallRecordStore;
import org.hotline.store.LoggedEvent;
import org.hotline.store.StoreUnavailableException;

/**
 * Call records and the numbered event log for supervisors and reporting tools, and the complaint
 * flag (rule R15: an escalated complaint keeps its full recording and is always in the QA sample).
 * A reporting tool replays a day with {@code after=0} and resumes after a disconnect with the last
 * {@code seq} it saw. Supervisor or admin role; every request is audited. The database being away
 * is 503. Immutable; requests run on the server's virtual threads.
 *
 * <pre>
 *   GET /api/calls?from=&amp;to=&amp;limit=     200 {"calls": [...]}; from/to ISO instants or dates (service zone); default today
 *   GET /api/calls/{callId}              200 call; 404
 *   PUT /api/calls/{callId}/complaint    {"complaint": true, "note": "..."} 200 call; 404; 400 {"error", "field"}
 *   GET /api/events?after=N&amp;limit=M&amp;from=  200 {"events": [{"seq", "at", "type", ...}], "next": N'}; from: a day's replay
 *   GET /api/audit?after=N&amp;limit=M       200 {"audit": [{"seq", "at", "user", "action", "target", "status", "remote"}], "next"} (admin)
 * </pre>
 */
public final class StoreResource {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    static final int MAX_NOTE = 2000;

    private final JdbcCallRecordStore store;
    private final ApiAccess access;
    private final ZoneId zone;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public StoreResource(JdbcCallRecordStore store, ApiAccess access, ZoneId zone, Clock clock) {
        this.store = store;
        this.access = access;
        this.zone = zone;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/calls", access.guard(ApiAccess.SUPERVISORS, "read-calls", (request, user) -> calls(request))),
                Route.get("/api/calls/{callId}", access.guard(ApiAccess.SUPERVISORS, "read-call", (request, user) -> call(request))),
                Route.put("/api/calls/{callId}/complaint", access.guard(ApiAccess.SUPERVISORS, "flag-complaint", this::complaint)),
                Route.get("/api/events", access.guard(ApiAccess.SUPERVISORS, "read-events", (request, user) -> events(request))),
                Route.get("/api/audit", access.guard(java.util.Set.of(ApiAccess.Role.ADMIN), "read-audit",
                        (request, user) -> audit(request))));
    }

    /** Runs a store query; the database being away is a 503 answer. */
    static ApiResponse available(Supplier<ApiResponse> answer) {
        try {
            return answer.get();
        } catch (StoreUnavailableException e) {
            return ApiResponse.error(503, "the store's database is unreachable; calls are still recorded (rule R20)", null)
                    .withHeader("Retry-After", "5");
        }
    }

    private ApiResponse calls(ApiRequest request) {
        Instant from;
        Instant to;
        int limit;
        try {
            from = instant(request.query("from"), "from").orElse(LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant());
            to = instant(request.query("to"), "to").orElse(from.plus(Duration.ofDays(1)));
            limit = (int) number(request.query("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        } catch (BadParameter e) {
            return ApiResponse.error(400, e.getMessage(), e.field);
        }
        if (!to.isAfter(from)) {
            return ApiResponse.error(400, "to must be after from", "to");
        }
        return available(() -> ApiResponse.ok(Map.of("calls", store.calls(from, to, limit).stream().map(StoreViews::call).toList())));
    }

    private ApiResponse call(ApiRequest request) {
        String callId = request.parameter("callId");
        return available(() -> store.call(callId).map(call -> ApiResponse.ok(StoreViews.call(call)))
                .orElse(ApiResponse.error(404, "no call " + callId, null)));
    }

    private ApiResponse complaint(ApiRequest request, ApiAccess.ApiUser user) {
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (JacksonException e) {
            return ApiResponse.error(400, "the body is not JSON: " + e.getOriginalMessage(), "(body)");
        } catch (IOException e) {
            return ApiResponse.error(400, "the body cannot be read", "(body)");
        }
        if (body == null || !body.isObject()) {
            return ApiResponse.error(400, "expected a JSON object like {\"complaint\": true, \"note\": \"...\"}", "(body)");
        }
        JsonNode flag = body.get("complaint");
        if (flag == null || !flag.isBoolean()) {
            return ApiResponse.error(400, "complaint must be true or false", "complaint");
        }
        JsonNode note = body.get("note");
        if (note != null && !note.isNull() && (!note.isTextual() || note.asText().length() > MAX_NOTE)) {
            return ApiResponse.error(400, "note must be text of at most " + MAX_NOTE + " characters", "note");
        }
        String callId = request.parameter("callId");
        CallRecord.Complaint complaint = flag.asBoolean()
                ? new CallRecord.Complaint(user.name(), clock.instant(), note == null || note.isNull() ? "" : note.asText())
                : null;
        return available(() -> store.flagComplaint(callId, complaint)
                ? ApiResponse.ok(StoreViews.call(store.call(callId).orElseThrow()))
                : ApiResponse.error(404, "no call " + callId, null));
    }

    private ApiResponse events(ApiRequest request) {
        long after;
        int limit;
        Instant from;
        try {
            after = number(request.query("after"), "after", 0, 0, Long.MAX_VALUE);
            limit = (int) number(request.query("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            from = instant(request.query("from"), "from").orElse(Instant.EPOCH);
        } catch (BadParameter e) {
            return ApiResponse.error(400, e.getMessage(), e.field);
        }
        return available(() -> {
            List<LoggedEvent> events = store.events(after, from, limit);
            long next = events.isEmpty() ? after : events.getLast().seq();
            return ApiResponse.ok(Map.of("events", events.stream().map(event -> StoreViews.event(event, json)).toList(),
                    "next", next));
        });
    }

    private ApiResponse audit(ApiRequest request) {
        long after;
        int limit;
        try {
            after = number(request.query("after"), "after", 0, 0, Long.MAX_VALUE);
            limit = (int) number(request.query("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        } catch (BadParameter e) {
            return ApiResponse.error(400, e.getMessage(), e.field);
        }
        return available(() -> {
            List<JdbcCallRecordStore.Audited> lines = store.audit(after, limit);
            return ApiResponse.ok(Map.of("audit", lines.stream().map(line -> Map.of("seq", line.seq(),
                    "at", line.entry().at().toString(), "user", String.valueOf(line.entry().user()), "action", line.entry().action(),
                    "target", line.entry().target(), "status", line.entry().status(), "remote", String.valueOf(line.entry().remote())))
                    .toList(), "next", lines.isEmpty() ? after : lines.getLast().seq()));
        });
    }

    private Optional<Instant> instant(Optional<String> value, String field) {
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.get()));
        } catch (DateTimeException e) {
            try {
                return Optional.of(LocalDate.parse(value.get()).atStartOfDay(zone).toInstant());
            } catch (DateTimeException notADate) {
                throw new BadParameter(field, "\"" + value.get() + "\" is not an instant like 2026-03-02T08:00:00Z or a date like 2026-03-02");
            }
        }
    }

    /** A whole-number query parameter in [min, max], or the fallback when absent. */
    static long number(Optional<String> value, String field, long fallback, long min, long max) {
        long number;
        try {
            number = value.isEmpty() ? fallback : Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new BadParameter(field, "\"" + value.get() + "\" is not a whole number");
        }
        if (number < min || number > max) {
            throw new BadParameter(field, number + " is outside " + min + "-" + max);
        }
        return number;
    }

    /** A query parameter that cannot be used; {@code field} names it. */
    static final class BadParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        BadParameter(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
