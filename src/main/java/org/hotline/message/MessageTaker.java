package org.hotline.message;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.call.Announcement;
import org.hotline.call.AudioTap;
import org.hotline.call.CallControl;
import org.hotline.call.CallHungUpException;
import org.hotline.call.MessageTaking;
import org.hotline.call.RecordedMessage;
import org.hotline.config.MessagesConfig;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;
import org.hotline.recording.MessageRecordings;
import org.hotline.recording.RecordingInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaving a message (rules R9, R19, R20), on the caller's virtual thread:
 * <pre>
 *   message.offer, press, key ── no key within the no-input time ─► false (the flow says goodbye)
 *        └ key ─ message.prompt, beep ─ record the caller's audio ─┬ # ─────────────┐
 *                                                                  ├ silence ───────┤
 *                                                                  ├ maximum length ┤
 *                                                                  └ hang-up ───────┴─ file closed, listed ─ message.saved
 * </pre>
 * The recording is the recording pipeline's ({@link MessageRecordings}), so a message is kept like a
 * call recording and survives a crash; a caller who hangs up mid-message keeps what they said
 * (nothing a caller said is lost, rule R20). A caller who says nothing is told so; the file is kept.
 * Behind Asterisk the front records ({@code RECORD FILE}, {@link CallControl#recordMessage}) and the
 * file Asterisk wrote is registered the same way ({@link MessageRecordings#register}).
 *
 * <p>Immutable and shared by all calls; each {@link #offer} runs on its caller's virtual thread.
 */
public final class MessageTaker implements MessageTaking {

    public static final String OFFER = "message.offer";
    public static final String PROMPT = "message.prompt";
    public static final String BEEP = "tone.beep";
    public static final String SAVED = "message.saved";
    public static final String EMPTY = "message.empty";
    static final String MENU_PRESS = "menu.press";
    static final String FALLBACK_SORRY = "fallback.sorry";
    /** How often the end conditions are checked while recording. */
    static final Duration TICK = Duration.ofMillis(100);
    /** How long the file may take to close and hash after the end. */
    static final Duration CLOSE_BOUND = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(MessageTaker.class);

    private final MessagesConfig config;
    private final Duration noInputTimeout;
    private final MessageRecordings recordings;
    private final MessageBox box;
    private final CallEventListener events;
    private final Clock clock;

    /** @param noInputTimeout how long the offer waits for its key (rule R5's 5 s) */
    public MessageTaker(MessagesConfig config, Duration noInputTimeout, MessageRecordings recordings, MessageBox box,
            CallEventListener events, Clock clock) {
        this.config = config;
        this.noInputTimeout = noInputTimeout;
        this.recordings = recordings;
        this.box = box;
        this.events = events;
        this.clock = clock;
    }

    /** Every prompt leaving a message plays (checked at start-up when messages are on). */
    public static List<String> prompts(MessagesConfig config) {
        return List.of(OFFER, MENU_PRESS, digit(config.key().charAt(0)), PROMPT, BEEP, SAVED, EMPTY, FALLBACK_SORRY);
    }

    @Override
    public boolean offer(CallControl call, String language, Reason reason, String queue) {
        if (!config.enabled()) {
            return false;
        }
        char key = config.key().charAt(0);
        call.clearDigits();
        call.play(Announcement.interruptible(language, List.of(OFFER, MENU_PRESS, digit(key))));
        Optional<Character> pressed = call.awaitDigit(noInputTimeout);
        pressed.ifPresent(digit -> events.onEvent(new CallEvent.DigitReceived(call.info().callId(), now(), digit)));
        if (pressed.isEmpty() || pressed.get() != key) {
            return false;
        }
        return take(call, language, reason, queue);
    }

    private boolean take(CallControl call, String language, Reason reason, String queue) {
        if (call.recordsMessagesItself()) {
            return takeRecordedByFront(call, language, reason, queue);
        }
        String callId = call.info().callId();
        call.play(Announcement.of(language, PROMPT, BEEP));
        call.clearDigits();
        Instant started = now();
        String id = UUID.randomUUID().toString();
        box.put(Message.recording(id, callId, call.info().caller(), started, reason, queue));
        MessageRecordings.Message recording = recordings.start(callId, id, started, queue);
        SpeechMeter meter = new SpeechMeter(clock);
        AudioTap tap;
        try {
            tap = call.tapCallerAudio(packet -> {
                recording.onAudio(packet);
                meter.onPacket(packet);
            });
        } catch (CallHungUpException e) {
            save(callId, id, recording, "HANGUP", false);
            throw e;
        } catch (UnsupportedOperationException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("this front cannot record a message");
            save(callId, id, recording, "FAILED", false);
            call.play(Announcement.of(language, FALLBACK_SORRY));
            return false;
        }
        String endedBy;
        try (tap) {
            endedBy = record(call, started, meter);
        }
        boolean saved = save(callId, id, recording, endedBy, meter.lastSpeech().isPresent());
        if (endedBy.equals("HANGUP")) {
            throw new CallHungUpException(callId);
        }
        call.play(Announcement.of(language, !saved ? FALLBACK_SORRY : meter.lastSpeech().isPresent() ? SAVED : EMPTY));
        return saved;
    }

    /**
     * Behind Asterisk: the front's media server records ({@link CallControl#recordMessage}), and the
     * file it wrote is registered like one written here; what a caller who hangs up said is kept.
     */
    private boolean takeRecordedByFront(CallControl call, String language, Reason reason, String queue) {
        String callId = call.info().callId();
        call.play(Announcement.of(language, PROMPT, BEEP));
        call.clearDigits();
        Instant started = now();
        String id = UUID.randomUUID().toString();
        box.put(Message.recording(id, callId, call.info().caller(), started, reason, queue));
        RecordedMessage recorded;
        try {
            recorded = call.recordMessage(id, config.maxLength(), config.silence());
        } catch (CallHungUpException e) {
            box.put(box.find(id).orElseThrow().failed(RecordedMessage.HANGUP)); // nothing was recorded
            throw e;
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).addKeyValue("messageId", id).setCause(e)
                    .log("the front could not record the message");
            box.put(box.find(id).orElseThrow().failed("FAILED"));
            call.play(Announcement.of(language, FALLBACK_SORRY));
            return false;
        }
        boolean speech = heard(callId, recorded);
        boolean saved = saveRecorded(callId, id, started, queue, recorded, speech);
        if (recorded.endedBy().equals(RecordedMessage.HANGUP)) {
            throw new CallHungUpException(callId);
        }
        call.play(Announcement.of(language, !saved ? FALLBACK_SORRY : speech ? SAVED : EMPTY));
        return saved;
    }

    /** Whether the caller spoke in the front's file; if it cannot be read here, assumed (never "you said nothing" wrongly). */
    private static boolean heard(String callId, RecordedMessage recorded) {
        try {
            return WavSpeech.heard(recorded.file()).orElse(true);
        } catch (IOException e) {
            log.atWarn().addKeyValue("callId", callId).addKeyValue("file", recorded.file()).setCause(e)
                    .log("cannot read the message to tell whether the caller spoke");
            return true;
        }
    }

    private boolean saveRecorded(String callId, String id, Instant started, String queue, RecordedMessage recorded,
            boolean speech) {
        Message recording = box.find(id).orElseThrow();
        try {
            RecordingInfo info = recordings.register(callId, id, recorded.file(), started, recorded.length(), queue);
            box.put(recording.saved(info.length(), recorded.endedBy(), speech, info.file(), info.sha256()));
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).addKeyValue("messageId", id).setCause(e)
                    .log("message could not be registered");
            box.put(recording.failed(recorded.endedBy()));
            return false;
        }
        events.onEvent(new CallEvent.MessageLeft(callId, now(), id, recorded.length(), recorded.endedBy()));
        log.atInfo().addKeyValue("callId", callId).addKeyValue("messageId", id).addKeyValue("endedBy", recorded.endedBy())
                .addKeyValue("lengthMs", recorded.length().toMillis()).log("message saved");
        return true;
    }

    /** Until #, the silence after speech (twice as long if nothing was said), the maximum length, or a hang-up. */
    private String record(CallControl call, Instant started, SpeechMeter meter) {
        while (true) {
            Optional<Character> digit;
            try {
                digit = call.awaitDigit(TICK);
            } catch (CallHungUpException e) {
                return "HANGUP";
            }
            Instant now = now();
            if (digit.isPresent() && digit.get() == '#') {
                return "HASH";
            }
            if (!now.isBefore(started.plus(config.maxLength()))) {
                return "MAX_LENGTH";
            }
            Instant quietSince = meter.lastSpeech().orElse(started);
            Duration allowed = meter.lastSpeech().isPresent() ? config.silence() : config.silence().multipliedBy(2);
            if (!now.isBefore(quietSince.plus(allowed))) {
                return "SILENCE";
            }
        }
    }

    /** Closes the file and lists the message; false if the file could not be written. */
    private boolean save(String callId, String id, MessageRecordings.Message recording, String endedBy, boolean speech) {
        Message started = box.find(id).orElseThrow();
        try {
            RecordingInfo info = recording.finish().get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            box.put(started.saved(info.length(), endedBy, speech, info.file(), info.sha256()));
            events.onEvent(new CallEvent.MessageLeft(callId, now(), id, info.length(), endedBy));
            log.atInfo().addKeyValue("callId", callId).addKeyValue("messageId", id).addKeyValue("endedBy", endedBy)
                    .addKeyValue("lengthMs", info.length().toMillis()).log("message saved");
            return true;
        } catch (ExecutionException | TimeoutException e) {
            log.atError().addKeyValue("callId", callId).addKeyValue("messageId", id).setCause(e)
                    .log("message could not be written");
            box.put(started.failed(endedBy));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            box.put(started.failed(endedBy));
            throw new IllegalStateException("interrupted while saving message " + id, e);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static String digit(char key) {
        return switch (key) {
            case '*' -> "digit.star";
            case '#' -> "digit.hash";
            default -> "digit." + key;
        };
    }
}
