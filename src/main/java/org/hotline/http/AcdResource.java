package org.hotline.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.acd.AgentInfo;
import org.hotline.acd.AgentStatus;
import org.hotline.acd.QueueInfo;
import org.hotline.acd.Refusal;
import org.hotline.acd.StatusReply;
import org.hotline.acd.runtime.AcdDriver;

/**
 * The ACD's routes: agents with their status and state, an agent's status change (the same
 * requests and refusals, rule R17 included, as the softphone feature codes), and the queues with
 * their waiting callers. Answers from the ACD executor are awaited at most {@link #REPLY_BOUND}
 * (then 503). Immutable; requests run on the server's virtual threads.
 *
 * <pre>
 *   GET /api/agents                        200 {"agents": [...]}
 *   PUT /api/agents/{workNumber}/status    {"status": "AVAILABLE|NOT_READY|ON_BREAK|LOGGED_OUT", "reason": "..."}
 *                                          200 {"workNumber", "status"}; 409 {"error", "refusal"}; 404; 400 {"error", "field"}
 *   GET /api/queues                        200 {"queues": [{"name", "waiting": [...], "agents": [...]}]}
 * </pre>
 */
public final class AcdResource {

    static final Duration REPLY_BOUND = Duration.ofSeconds(2);
    private static final String STATUSES = Arrays.stream(AgentStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final AcdDriver acd;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AcdResource(AcdDriver acd, Clock clock) {
        this.acd = acd;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/agents", request -> agents()),
                Route.put("/api/agents/{workNumber}/status", this::changeStatus),
                Route.get("/api/queues", request -> queues()));
    }

    /** One agent as the API shows it. */
    record AgentView(String workNumber, String displayName, String status, String statusReason, String statusSince,
            String state, String stateSince, int callsToday, int breaksToday, boolean reachable) {
        static AgentView of(AgentInfo agent) {
            return new AgentView(agent.workNumber(), agent.displayName(), agent.status().name(), agent.statusReason(),
                    agent.statusSince().toString(), agent.state().name(), agent.stateSince().toString(), agent.callsToday(),
                    agent.breaksToday(), agent.reachable());
        }
    }

    record WaitingView(String callId, int position, int priority, String state, long waitingSeconds, List<String> ringing) {}

    record MemberView(String workNumber, int level, String status, String state) {}

    record QueueView(String name, List<WaitingView> waiting, List<MemberView> agents) {}

    private ApiResponse agents() {
        return await(acd.agents()).map(agents -> ApiResponse.ok(Map.of("agents", agents.stream().map(AgentView::of).toList())));
    }

    private ApiResponse queues() {
        Instant now = clock.instant();
        return await(acd.queues()).map(queues -> ApiResponse.ok(Map.of("queues", queues.stream()
                .map(queue -> view(queue, now)).toList())));
    }

    private static QueueView view(QueueInfo queue, Instant now) {
        return new QueueView(queue.name(),
                queue.waiting().stream().map(caller -> new WaitingView(caller.callId(), caller.position(), caller.priority(),
                        caller.state().name(), Duration.between(caller.enteredAt(), now).toSeconds(), caller.ringing())).toList(),
                queue.agents().stream().map(member -> new MemberView(member.workNumber(), member.level(),
                        member.status().name(), member.state().name())).toList());
    }

    private ApiResponse changeStatus(ApiRequest request) {
        String workNumber = request.parameter("workNumber");
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (JacksonException e) {
            return ApiResponse.error(400, "the body is not JSON: " + e.getOriginalMessage(), "(body)");
        } catch (IOException e) {
            return ApiResponse.error(400, "the body cannot be read", "(body)");
        }
        if (body == null || !body.isObject()) {
            return ApiResponse.error(400, "expected a JSON object like {\"status\": \"AVAILABLE\"}", "(body)");
        }
        JsonNode statusField = body.get("status");
        if (statusField == null || !statusField.isTextual()) {
            return ApiResponse.error(400, "status is required: one of " + STATUSES, "status");
        }
        AgentStatus status;
        try {
            status = AgentStatus.valueOf(statusField.asText());
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, "\"" + statusField.asText() + "\" is not one of " + STATUSES, "status");
        }
        JsonNode reasonField = body.get("reason");
        if (reasonField != null && !reasonField.isTextual() && !reasonField.isNull()) {
            return ApiResponse.error(400, "reason must be text", "reason");
        }
        String reason = reasonField == null || reasonField.isNull() ? "" : reasonField.asText().strip();
        if (status == AgentStatus.NOT_READY && reason.isEmpty()) {
            return ApiResponse.error(400, "NOT_READY needs a reason (rule R16: not ready is justified and limited)", "reason");
        }
        return await(acd.requestStatus(workNumber, status, reason)).map(reply -> switch (reply) {
            case StatusReply.Accepted accepted -> ApiResponse.ok(Map.of("workNumber", workNumber, "status", accepted.status().name()));
            case StatusReply.Refused refused when refused.reason() == Refusal.UNKNOWN_AGENT ->
                    ApiResponse.error(404, "no agent with work number " + workNumber, null);
            case StatusReply.Refused refused -> new ApiResponse(409, Map.of("error", "refused",
                    "refusal", refused.reason().name(), "workNumber", workNumber, "requested", status.name()));
        });
    }

    /** The ACD's answer, or a 503 answer when it does not come in time. */
    private static <T> Reply<T> await(CompletableFuture<T> reply) {
        try {
            return new Reply<>(reply.get(REPLY_BOUND.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            return new Reply<>(null, ApiResponse.error(503, "the ACD did not answer within " + REPLY_BOUND.toSeconds() + "s", null));
        } catch (ExecutionException e) {
            throw new IllegalStateException("the ACD failed the request", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply<>(null, ApiResponse.error(503, "interrupted", null));
        }
    }

    /** A value from the ACD, or the error answer to give instead. */
    private record Reply<T>(T value, ApiResponse failure) {
        ApiResponse map(Function<T, ApiResponse> answer) {
            return failure != null ? failure : answer.apply(value);
        }
    }
}
