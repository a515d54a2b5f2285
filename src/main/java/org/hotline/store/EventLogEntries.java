package org.hotline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.UUID;
import org.hotline.acd.AcdEvent;
import org.hotline.event.CallEvent;

/**
 * Chooses which events go into the numbered event log and turns each into a {@link LoggedEvent}:
 * every {@link AcdEvent} the store receives (agent status and state, refusals, rule R16/R17
 * alerts, cancelled offers; its caller steps arrive as call events) and the queue-related
 * {@link CallEvent}s, from the request for an agent to the survey. Stateless apart from its
 * mapper; used on the writer thread.
 */
final class EventLogEntries {

    private final ObjectMapper json;

    EventLogEntries(ObjectMapper json) {
        this.json = json;
    }

    Optional<LoggedEvent> of(CallEvent event) {
        boolean queueRelated = switch (event) {
            case CallEvent.QueueRequested e -> true;
            case CallEvent.QueueLeft e -> true;
            case CallEvent.QueueEntered e -> true;
            case CallEvent.WaitAnnounced e -> true;
            case CallEvent.AgentOffered e -> true;
            case CallEvent.AgentNoAnswer e -> true;
            case CallEvent.AgentDeclined e -> true;
            case CallEvent.QueueOverflowed e -> true;
            case CallEvent.AgentConnected e -> true;
            case CallEvent.HeldByAgent e -> true;
            case CallEvent.HoldAnnounced e -> true;
            case CallEvent.ResumedByAgent e -> true;
            case CallEvent.TransferredByAgent e -> true;
            case CallEvent.AgentCallEnded e -> true;
            case CallEvent.QueueAbandoned e -> true;
            case CallEvent.QueueNotServed e -> true;
            case CallEvent.SurveyAnswered e -> true;
            case CallEvent.Offered e -> false;
            case CallEvent.Answered e -> false;
            case CallEvent.Greeted e -> false;
            case CallEvent.MenuEntered e -> false;
            case CallEvent.DigitReceived e -> false;
            case CallEvent.InvalidInput e -> false;
            case CallEvent.NoInput e -> false;
            case CallEvent.TransferAttempted e -> false;
            case CallEvent.LanguageChanged e -> false;
            case CallEvent.Ended e -> false;
            // issue 8: overload (rule R20), callbacks (rule R12) and messages (rules R9, R19, R20)
            case CallEvent.CallRefused e -> true;
            case CallEvent.CallbackOffered e -> true;
            case CallEvent.CallbackRequested e -> true;
            case CallEvent.CallbackAttempted e -> true;
            case CallEvent.CallbackFinished e -> true;
            case CallEvent.MessageLeft e -> true;
        };
        return queueRelated ? Optional.of(entry(event, event.getClass().getSimpleName())) : Optional.empty();
    }

    /** Hold and resume come as call events (with the caller's side); the rest of the ACD's all go in. */
    Optional<LoggedEvent> of(AcdEvent event) {
        if (event instanceof AcdEvent.CallHeld || event instanceof AcdEvent.CallResumed) {
            return Optional.empty();
        }
        return Optional.of(entry(event, event.getClass().getSimpleName()));
    }

    private LoggedEvent entry(Object event, String type) {
        JsonNode tree = json.valueToTree(event);
        String details;
        try {
            details = json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + type + " as JSON", e);
        }
        String queue = text(tree, "queue");
        return new LoggedEvent(0, UUID.randomUUID().toString(), at(event), type, text(tree, "callId"),
                queue != null ? queue : text(tree, "fromQueue"), text(tree, "agent"), details);
    }

    private static java.time.Instant at(Object event) {
        return event instanceof CallEvent call ? call.at() : ((AcdEvent) event).at();
    }

    private static String text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
