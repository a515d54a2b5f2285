package org.hotline.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One event baresip's ctrl_tcp reported (e.g. {@code CALL_RINGING}, {@code CALL_ESTABLISHED},
 * {@code CALL_RTPESTAB} at the first RTP packet, {@code CALL_DTMF_START}, {@code CALL_CLOSED}), with
 * the instant the driver received it. Immutable.
 *
 * @param param the event's parameter: the peer URI, the key of a DTMF event, the reason of a close
 */
public record BaresipEvent(Instant receivedAt, String type, String param, String peerUri, String callId, JsonNode json) {

    static BaresipEvent of(Instant receivedAt, JsonNode json) {
        return new BaresipEvent(receivedAt, json.path("type").asText(), json.path("param").asText(),
                json.path("peeruri").asText(), json.path("id").asText(), json);
    }

    @Override
    public String toString() {
        return receivedAt + " " + type + (param.isEmpty() ? "" : " " + param);
    }
}
