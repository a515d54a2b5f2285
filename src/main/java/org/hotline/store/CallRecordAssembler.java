package org.hotline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.acd.AcdEvent;
import org.hotline.acd.AgentState;
import org.hotline.acd.CallbackEntry;
import org.hotline.event.CallEvent;

/**
 * Builds call records from the events, in the order the writer takes them: a {@link CallDraft}
 * per call from {@code Offered} to {@code Ended}, the event log entries, the agents' wrap-up times
 * (from {@code AgentStateChanged} into and out of WRAP_UP, credited to the agent's last call) and
 * recordings linked to their calls. Drafts changed since the last {@link #drain} are written once
 * per batch. Owned by the writer thread; not thread-safe.
 */
final class CallRecordAssembler {

    /** Calls whose record is complete, remembered so a late event cannot start a bogus draft. */
    private static final int ENDED_REMEMBERED = 10_000;

    private final String runId;
    private final EventLogEntries log;
    private final Map<String, CallDraft> open = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Map<String, Boolean> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ENDED_REMEMBERED;
        }
    };
    private final Map<String, String> lastCallOfAgent = new HashMap<>();
    private final Map<String, Instant> wrapUpSince = new HashMap<>();
    private final List<StoreWrite> pending = new ArrayList<>();

    CallRecordAssembler(String runId, EventLogEntries log) {
        this.runId = runId;
        this.log = log;
    }

    /** Takes one queued item: a call event, an ACD event, a recording notice, a callback's entry or a ready write. */
    void accept(Object item) {
        switch (item) {
            case CallEvent event -> onCallEvent(event);
            case AcdEvent event -> onAcdEvent(event);
            case RecordingNotice notice -> onRecording(notice);
            case StoreWrite write -> pending.add(write);
            case CallbackEntry callback -> pending.add(new StoreWrite.PutCallback(callback, runId)); // rule R12
            default -> throw new IllegalArgumentException("not a store item: " + item);
        }
    }

    /** The writes the items since the last call cause, changed call records last. */
    List<StoreWrite> drain() {
        List<StoreWrite> writes = new ArrayList<>(pending);
        pending.clear();
        for (String callId : dirty) {
            CallDraft draft = open.get(callId);
            if (draft != null) {
                writes.add(new StoreWrite.PutCall(draft.snapshot(), runId));
                if (draft.endedAt != null) {
                    open.remove(callId);
                    ended.put(callId, Boolean.TRUE);
                }
            }
        }
        dirty.clear();
        return writes;
    }

    int openCalls() {
        return open.size();
    }

    private void onCallEvent(CallEvent event) {
        log.of(event).ifPresent(entry -> pending.add(new StoreWrite.AppendEvent(entry)));
        if (event instanceof CallEvent.AgentCallEnded e) {
            lastCallOfAgent.put(e.agent(), e.callId());
        }
        CallDraft draft = draft(event);
        if (draft == null) {
            return;
        }
        draft.lastEventAt = event.at();
        dirty.add(draft.callId);
        switch (event) {
            case CallEvent.Offered e -> {
                draft.arrivedAt = e.at();
                draft.caller = e.caller();
                draft.dialledNumber = e.dialledNumber();
            }
            case CallEvent.Answered e -> draft.answeredAt = e.at();
            case CallEvent.MenuEntered e -> draft.menuPath(e.path());
            case CallEvent.QueueRequested e -> {
                draft.queueRequested = true;
                draft.queue = e.queue();
                draft.menuPath(e.menuPath());
            }
            case CallEvent.QueueEntered e -> {
                draft.queuedAt = draft.queuedAt == null ? e.at() : draft.queuedAt;
                draft.queue = e.queue();
            }
            case CallEvent.QueueOverflowed e -> draft.queue = e.toQueue();
            case CallEvent.AgentConnected e -> connected(draft, e);
            case CallEvent.HeldByAgent e -> draft.hold(e.at());
            case CallEvent.ResumedByAgent e -> draft.resume(e.at());
            case CallEvent.AgentCallEnded e -> {
                draft.resume(e.at());
                draft.talked = CallDraft.plus(draft.talked, e.talked());
            }
            case CallEvent.QueueAbandoned e -> left(draft, CallOutcome.ABANDONED, e.waited());
            case CallEvent.QueueNotServed e -> left(draft, CallOutcome.NOT_SERVED, e.waited());
            case CallEvent.QueueLeft e -> draft.outcome = draft.outcome != null ? draft.outcome : queueOutcome(e.outcome());
            case CallEvent.SurveyAnswered e -> draft.surveyScore = e.score();
            case CallEvent.CallbackFinished e -> draft.callbackOutcome = callbackOutcome(e.outcome()); // rule R12
            case CallEvent.Ended e -> {
                draft.resume(e.at());
                draft.endedAt = e.at();
                draft.endReason = e.reason().name();
            }
            default -> { }
        }
    }

    /** The open draft, a new one for a call seen for the first time, or null for a call already complete. */
    private CallDraft draft(CallEvent event) {
        CallDraft draft = open.get(event.callId());
        if (draft == null && !ended.containsKey(event.callId())) {
            draft = new CallDraft(event.callId(), event.at());
            open.put(event.callId(), draft);
        }
        return draft;
    }

    /** A {@code QueueOutcome} name as a call outcome; a name this store does not know leaves it open. */
    private static CallOutcome queueOutcome(String name) {
        for (CallOutcome outcome : CallOutcome.values()) {
            if (outcome.name().equals(name)) {
                return outcome;
            }
        }
        return null;
    }

    /** A callback's {@code CallbackFinished} outcome (COMPLETED or GAVE_UP) as its record's outcome. */
    private static CallOutcome callbackOutcome(String outcome) {
        return "COMPLETED".equals(outcome) ? CallOutcome.CALLBACK_SERVED : CallOutcome.CALLBACK_GAVE_UP;
    }

    private static void connected(CallDraft draft, CallEvent.AgentConnected e) {
        if (draft.connectedAt == null) {
            draft.connectedAt = e.at();
            draft.waited = e.waited();
        }
        draft.agent = e.agent();
        draft.queue = e.queue();
    }

    private static void left(CallDraft draft, CallOutcome outcome, Duration waited) {
        if (draft.connectedAt == null) {
            draft.outcome = outcome;
            draft.waited = waited;
        }
    }

    private void onAcdEvent(AcdEvent event) {
        log.of(event).ifPresent(entry -> pending.add(new StoreWrite.AppendEvent(entry)));
        if (!(event instanceof AcdEvent.AgentStateChanged change)) {
            return;
        }
        if (change.to() == AgentState.WRAP_UP) {
            wrapUpSince.put(change.agent(), change.at());
        } else if (change.from() == AgentState.WRAP_UP) {
            Instant since = wrapUpSince.remove(change.agent());
            String callId = lastCallOfAgent.get(change.agent());
            if (since != null && callId != null) {
                wrapUp(callId, Duration.between(since, change.at()));
            }
        }
    }

    private void wrapUp(String callId, Duration wrapUp) {
        CallDraft draft = open.get(callId);
        if (draft != null) {
            draft.wrapUp = wrapUp;
            dirty.add(callId);
        } else {
            pending.add(new StoreWrite.SetWrapUp(callId, wrapUp));
        }
    }

    private void onRecording(RecordingNotice notice) {
        StoredRecording recording = StoredRecording.of(notice.info(), notice.status());
        pending.add(new StoreWrite.PutRecording(recording));
        CallDraft draft = open.get(recording.callId());
        if (draft != null) {
            draft.recordingId = recording.id();
            dirty.add(draft.callId);
        } else {
            pending.add(new StoreWrite.LinkRecording(recording.callId(), recording.id()));
        }
    }
}
