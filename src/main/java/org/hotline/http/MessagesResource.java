package org.hotline.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.message.Message;
import org.hotline.message.MessageBox;

/**
 * The messages callers left (rules R9, R19, R20) for supervisors, and their assignment to an agent
 * as a callback task; behind {@link ApiAccess} (supervisor or admin, every request audited: a
 * message is a caller's voice, confidential like a recording, rule R15). The WAV's place on disk is
 * not shown; the message's id is its recording's id. Immutable; requests run on the server's
 * virtual threads.
 *
 * <pre>
 *   GET /api/messages                      200 {"messages": [{"id", "callId", "caller", "at", "reason", "queue",
 *                                              "state", "lengthSeconds", "endedBy", "speech", "assignee", ..., "handledBy",
 *                                              "handledAt", "audio"}]}, newest first; audio RECORDING, AVAILABLE, DELETED, NONE
 *   PUT /api/messages/{id}/assignee        {"agent": "1001"}: 200 the message; 404 no such message or agent; 400
 *   PUT /api/messages/{id}/handled         200 the message, handled by the user (its audio may now expire); 404
 * </pre>
 * A message's audio is kept until it is handled, whatever its age (rule R20); then retention (rule
 * R15) may delete it, and the listing says {@code audio: DELETED} (the audio answers 410).
 */
public final class MessagesResource {

    private final MessageBox box;
    private final ApiAccess access;
    private final Set<String> agents;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** @param agents the configured work numbers a message may be assigned to */
    public MessagesResource(MessageBox box, ApiAccess access, Set<String> agents, Clock clock) {
        this.box = box;
        this.access = access;
        this.agents = Set.copyOf(agents);
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/messages", access.guard(ApiAccess.SUPERVISORS, "read-messages",
                        (request, user) -> ApiResponse.ok(Map.of("messages",
                                box.list().stream().map(MessageView::of).toList())))),
                Route.put("/api/messages/{id}/assignee", access.guard(ApiAccess.SUPERVISORS, "assign-message",
                        (request, user) -> assign(request))),
                Route.put("/api/messages/{id}/handled", access.guard(ApiAccess.SUPERVISORS, "handle-message",
                        (request, user) -> box.handle(request.parameters().get("id"), user.name(), clock.instant())
                                .map(message -> ApiResponse.ok(MessageView.of(message)))
                                .orElseGet(() -> ApiResponse.error(404, "no message " + request.parameters().get("id"),
                                        null)))));
    }

    /** One message as the API shows it. */
    record MessageView(String id, String callId, String caller, String at, String reason, String queue, String state,
            double lengthSeconds, String endedBy, boolean speech, String sha256, String assignee, String assignedAt,
            String handledBy, String handledAt, String audio) {
        static MessageView of(Message m) {
            return new MessageView(m.id(), m.callId(), m.caller(), m.at().toString(), m.reason().name(), m.queue(),
                    m.state().name(), m.length().toMillis() / 1000.0, m.endedBy(), m.speech(), m.sha256(), m.assignee(),
                    text(m.assignedAt()), m.handledBy(), text(m.handledAt()), m.audio().name());
        }

        private static String text(java.time.Instant at) {
            return at == null ? null : at.toString();
        }
    }

    private ApiResponse assign(ApiRequest request) {
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (JacksonException e) {
            return ApiResponse.error(400, "body is not JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            return ApiResponse.error(400, "unreadable body", null);
        }
        JsonNode agent = body == null ? null : body.get("agent");
        if (agent == null || !agent.isTextual() || agent.asText().isBlank()) {
            return ApiResponse.error(400, "give the agent's work number: {\"agent\": \"1001\"}", "agent");
        }
        if (!agents.contains(agent.asText())) {
            return ApiResponse.error(404, "no agent " + agent.asText(), "agent");
        }
        return box.assign(request.parameters().get("id"), agent.asText(), clock.instant())
                .map(message -> ApiResponse.ok(MessageView.of(message)))
                .orElseGet(() -> ApiResponse.error(404, "no message " + request.parameters().get("id"), null));
    }
}
