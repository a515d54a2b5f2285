package org.hotline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.recording.RecordingInfo;
import org.hotline.store.CallRecord;
import org.hotline.store.LoggedEvent;
import org.hotline.store.StoredRecording;

/**
 * The API's JSON shapes of store records: instants as ISO-8601 text, durations in milliseconds
 * (unit in the name), and never a file-system path (rule R15). Stateless.
 */
final class StoreViews {

    private StoreViews() {
    }

    record ComplaintView(String flaggedBy, String flaggedAt, String note) {}

    record CallView(String callId, String caller, String dialledNumber, String arrivedAt, String answeredAt,
            String queuedAt, String connectedAt, String endedAt, String menuPath, String queue, String agent,
            String outcome, String endReason, Long waitMs, Long talkMs, Long holdMs, Long wrapUpMs, Integer surveyScore,
            String recordingId, ComplaintView complaint) {}

    record EventView(long seq, String at, String type, String callId, String queue, String agent, JsonNode details) {}

    record SegmentView(String kind, String from, String to, String agent) {}

    record RecordingView(String recordingId, String callId, String status, String started, String ended, Long lengthMs,
            String sha256, List<SegmentView> segments, String queue, String agent, boolean repairedAfterCrash) {}

    static CallView call(CallRecord call) {
        CallRecord.Complaint complaint = call.complaint();
        return new CallView(call.callId(), call.caller(), call.dialledNumber(), text(call.arrivedAt()), text(call.answeredAt()),
                text(call.queuedAt()), text(call.connectedAt()), text(call.endedAt()), call.menuPath(), call.queue(),
                call.agent(), call.outcome().name(), call.endReason(), ms(call.waited()), ms(call.talked()), ms(call.held()),
                ms(call.wrapUp()), call.surveyScore(), call.recordingId(), complaint == null ? null
                        : new ComplaintView(complaint.flaggedBy(), text(complaint.flaggedAt()), complaint.note()));
    }

    static EventView event(LoggedEvent event, ObjectMapper json) {
        JsonNode details;
        try {
            details = json.readTree(event.details());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.seq() + " has unreadable details", e);
        }
        return new EventView(event.seq(), text(event.at()), event.type(), event.callId(), event.queue(), event.agent(), details);
    }

    static RecordingView recording(StoredRecording recording) {
        return new RecordingView(recording.id(), recording.callId(), recording.status().name(), text(recording.started()),
                text(recording.ended()), ms(recording.length()), recording.sha256(),
                recording.segments().stream().map(StoreViews::segment).toList(), recording.queue(), recording.agent(),
                recording.repairedAfterCrash());
    }

    private static SegmentView segment(RecordingInfo.Segment segment) {
        return new SegmentView(segment.kind(), text(segment.from()), text(segment.to()), segment.agent());
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Long ms(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
