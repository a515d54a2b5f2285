package org.hotline.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One event baresip's ctrl_tcp reported (e.g. {@code CALL_RINGING}, {@code CALL_ESTABLISHED},
 * {@code CALL_RTPESTAB} at the first RTP packet, {@code CALL_DTMF_START}, {@code CALL_CLOSED}), with
 * the instant the driver received it. Immutable.
 *
 * Registration events ({@code REGISTER_OK}, {@code REGISTER_FAIL} with the reason) have no call id.
 *
 * @param sequence its place among the events of its baresip, from 0
 * @param param    the event's parameter: the peer URI, the key of a DTMF event, the reason of a close
 * @param callId   the SIP Call-ID of the call it concerns, empty for registration events
 */
public record BaresipEvent(int sequence, Instant receivedAt, String type, String param, String peerUri, String callId,
                           JsonNode json) {

    static BaresipEvent of(int sequence, Instant receivedAt, JsonNode json) {
        return new BaresipEvent(sequence, receivedAt, json.path("type").asText(), json.path("param").asText(),
                json.path("peeruri").asText(), json.path("id").asText(), json);
    }

    /** True for an event of {@code type} about the call {@code callId}. */
    public boolean is(String type, String callId) {
        return this.type.equals(type) && this.callId.equals(callId);
    }

    /** True for any event of a call this baresip received (its {@code direction} is incoming). */
    public boolean isIncoming() {
        return !callId.isEmpty() && "incoming".equals(json.path("direction").asText());
    }

    @Override
    public String toString() {
        return receivedAt + " " + type + (param.isEmpty() ? "" : " " + param);
    }
}
