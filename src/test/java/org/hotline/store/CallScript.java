package org.hotline.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.acd.AcdEvent;
import org.hotline.acd.AgentState;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.hotline.recording.RecordingInfo;

/**
 * The events of typical calls, as the call flow, the ACD router and the agent listener emit them,
 * at known times from {@code start}: for feeding a {@link RecordKeeper} in tests.
 */
final class CallScript {

    private CallScript() {
    }

    static Instant at(Instant start, int seconds) {
        return start.plusSeconds(seconds);
    }

    /**
     * A served call: arrives at 0 s, IVR answers at 2, menu 1-2 to billing at 10, queued 11,
     * offered 20, connected 25 (waited 14 s), held 40-70, agent hangs up at 125 (talked 100 s),
     * survey 4 at 130, ended 133; the agent's wrap-up runs 125-140.
     */
    static List<Object> served(String callId, String agent, Instant start) {
        List<Object> events = new ArrayList<>();
        events.add(new CallEvent.Offered(callId, start, "13800138000", "4008001234", "sip"));
        events.add(new CallEvent.Answered(callId, at(start, 2)));
        events.add(new CallEvent.MenuEntered(callId, at(start, 3), List.of(), 1));
        events.add(new CallEvent.MenuEntered(callId, at(start, 6), List.of("1"), 1));
        events.add(new CallEvent.QueueRequested(callId, at(start, 10), "billing", List.of("1", "2")));
        events.add(new CallEvent.QueueEntered(callId, at(start, 11), "billing", 0, 1));
        events.add(new CallEvent.AgentOffered(callId, at(start, 20), "billing", List.of(agent)));
        events.add(new AcdEvent.AgentStateChanged(at(start, 20), agent, AgentState.IDLE, AgentState.OFFERED));
        events.add(new CallEvent.AgentConnected(callId, at(start, 25), "billing", agent, Duration.ofSeconds(14)));
        events.add(new AcdEvent.AgentStateChanged(at(start, 25), agent, AgentState.OFFERED, AgentState.ON_CALL));
        events.add(new CallEvent.HeldByAgent(callId, at(start, 40), agent));
        events.add(new CallEvent.ResumedByAgent(callId, at(start, 70), agent));
        events.add(new CallEvent.AgentCallEnded(callId, at(start, 125), "billing", agent, "AGENT", Duration.ofSeconds(100)));
        events.add(new AcdEvent.AgentStateChanged(at(start, 125), agent, AgentState.ON_CALL, AgentState.WRAP_UP));
        events.add(new CallEvent.QueueLeft(callId, at(start, 125), "billing", "SERVED"));
        events.add(new CallEvent.SurveyAnswered(callId, at(start, 130), "billing", 4));
        events.add(new CallEvent.Ended(callId, at(start, 133), EndReason.COMPLETED));
        events.add(new AcdEvent.AgentStateChanged(at(start, 140), agent, AgentState.WRAP_UP, AgentState.IDLE));
        return events;
    }

    /** A caller who gives up after 30 s in the general queue. */
    static List<Object> abandoned(String callId, Instant start) {
        return List.of(
                new CallEvent.Offered(callId, start, "13900139000", "4008001234", "sip"),
                new CallEvent.Answered(callId, at(start, 2)),
                new CallEvent.QueueRequested(callId, at(start, 5), "general", List.of("0")),
                new CallEvent.QueueEntered(callId, at(start, 6), "general", 0, 3),
                new CallEvent.WaitAnnounced(callId, at(start, 51), "general", 2, Optional.of(Duration.ofSeconds(60))),
                new CallEvent.QueueAbandoned(callId, at(start, 56), "general", Duration.ofSeconds(50), false),
                new CallEvent.QueueLeft(callId, at(start, 56), "general", "ABANDONED"),
                new CallEvent.Ended(callId, at(start, 56), EndReason.CALLER_HANGUP));
    }

    /** A call still in the queue: arrived, answered, queued; no end. */
    static List<Object> stillWaiting(String callId, Instant start) {
        return List.of(
                new CallEvent.Offered(callId, start, "13700137000", "4008001234", "sip"),
                new CallEvent.Answered(callId, at(start, 2)),
                new CallEvent.QueueRequested(callId, at(start, 5), "general", List.of("0")),
                new CallEvent.QueueEntered(callId, at(start, 6), "general", 0, 1));
    }

    static RecordingInfo recording(String id, String callId, String agent, Instant start, Duration length) {
        Instant end = start.plus(length);
        return new RecordingInfo(id, callId, Path.of("/var/lib/hotline/recordings/" + id + ".wav"), start, end, length,
                "a".repeat(64), List.of(new RecordingInfo.Segment("TALK", start, end, agent)), "billing", agent, false);
    }

    static RecordingInfo started(RecordingInfo info) {
        return new RecordingInfo(info.id(), info.callId(), info.file(), info.started(), null, Duration.ZERO, null,
                List.of(new RecordingInfo.Segment("TALK", info.started(), null, info.agent())), info.queue(), info.agent(),
                false);
    }
}
