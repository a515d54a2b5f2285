package org.hotline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.call.BusyLine;
import org.hotline.call.MessageTaking;
import org.hotline.config.AgentConfig;
import org.hotline.config.HotlineConfig;
import org.hotline.event.CallEventListener;
import org.hotline.http.ApiAccess;
import org.hotline.http.AuditTrail;
import org.hotline.http.MessagesResource;
import org.hotline.http.Route;
import org.hotline.message.MessageBox;
import org.hotline.message.MessageTaker;
import org.hotline.recording.MessageRecordings;
import org.hotline.recording.RecordingInfo;
import org.hotline.recording.RecordingListener;
import org.hotline.retention.RetentionHold;

/**
 * Issue 8's messages as {@link Hotline} wires them (rules R9, R19, R20): the message box and its
 * recordings, the taker the call flow offers messages through, and the supervisors' routes; and the
 * prompts issue 8 adds to the start-up check. Built once by the composition root; immutable.
 *
 * @param taking what the call flow offers messages through ({@link MessageTaking#NONE} with messages off)
 * @param routes {@code GET /api/messages}, {@code PUT /api/messages/{id}/assignee}, {@code PUT /api/messages/{id}/handled}
 * @param hold   retention keeps the audio of messages not yet handled and tells the box of deletions
 */
record MessageWiring(MessageTaking taking, List<Route> routes, RetentionHold hold) {

    /** Opens the messages directory (repairing what a crash left) when {@code messages.enabled}. */
    static MessageWiring open(HotlineConfig config, CallEventListener events, Clock clock, RecordingListener recordings,
            AuditTrail audit) {
        if (!config.messages().enabled()) {
            return new MessageWiring(MessageTaking.NONE, List.of(), RetentionHold.NONE);
        }
        MessageBox box = MessageBox.open(config.messages().directory());
        MessageRecordings files = MessageRecordings.open(config.messages().directory(), config.service().timeZone(),
                new RepairsToBox(recordings, box));
        MessageTaker taker = new MessageTaker(config.messages(), config.ivr().noInputTimeout(), files, box, events, clock);
        Set<String> agents = new TreeSet<>(config.agents().members().stream().map(AgentConfig::workNumber).toList());
        ApiAccess access = new ApiAccess(config.qa().users(), audit, clock); // rule R15: supervisors only, audited
        return new MessageWiring(taker, new MessagesResource(box, access, agents, clock).routes(), new BoxHold(box));
    }

    /** The prompts of messages and overload, checked with the others before any call. */
    static Set<String> promptsPlayed(HotlineConfig config) {
        Set<String> names = new TreeSet<>();
        if (config.messages().enabled()) {
            names.addAll(MessageTaker.prompts(config.messages()));
        }
        if (config.overload().limited()) {
            names.add(BusyLine.BUSY_ALL_LINES);
        }
        return names;
    }


    /** Rules R15, R20: a message's audio is kept until it is handled; its deletion is noted in the box. */
    private record BoxHold(MessageBox box) implements RetentionHold {

        @Override
        public Set<String> heldRecordings() {
            return box.unhandled();
        }

        @Override
        public void deleted(String recordingId, Instant at) {
            box.audioDeleted(recordingId, at);
        }
    }

    /** Passes every recording on; a message repaired after a crash also completes its entry in the box. */
    private record RepairsToBox(RecordingListener next, MessageBox box) implements RecordingListener {

        @Override
        public void recordingStarted(RecordingInfo info) {
            next.recordingStarted(info);
        }

        @Override
        public void recordingFinished(RecordingInfo info) {
            next.recordingFinished(info);
            if (info.repairedAfterCrash()) {
                box.repaired(info);
            }
        }

        @Override
        public void recordingFailed(String callId, Throwable cause) {
            next.recordingFailed(callId, cause);
        }
    }
}
