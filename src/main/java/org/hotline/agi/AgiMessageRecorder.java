package org.hotline.agi;

import java.nio.file.Path;
import java.time.Duration;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.call.CallHungUpException;
import org.hotline.call.RecordedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller's message recorded by Asterisk (rules R9, R19, R20): {@code RECORD FILE <dir>/<id> wav "#"
 * <maxLength ms> 0 s=<silence s>}, its reply read as res_agi.c {@code handle_recordfile} writes it:
 * <ul>
 *   <li>{@code 200 result=35 (dtmf) endpos=N}: {@code #} ended it (the DTMF's last 200 ms cut off);</li>
 *   <li>{@code 200 result=0 (timeout) endpos=N}: the maximum length, or {@code s=} seconds of silence
 *       (the silence is then cut from the file's end, less one second);</li>
 *   <li>{@code 200 result=-1 (hangup) endpos=N}: the caller hung up; the file is closed with what was
 *       said (then {@code HANGUP} follows);</li>
 *   <li>{@code 200 result=-1 (writefile)}: the file could not be created: a failure.</li>
 * </ul>
 * {@code endpos} counts samples of the 8 kHz {@code wav} format. The offset argument {@code 0} keeps
 * Asterisk from playing its own beep (Hotline has played tone.beep). Asterisk's silence detection
 * also runs before the caller speaks, so a silent caller is stopped after {@code s=} seconds (the
 * standalone front waits twice as long then). Stateless.
 */
final class AgiMessageRecorder {

    static final String FORMAT = "wav";
    static final String ESCAPE = "#";
    /** Samples per second of the {@code wav} format (8 kHz signed linear), the unit of {@code endpos}. */
    static final long SAMPLE_RATE_HZ = 8000;

    private static final Logger log = LoggerFactory.getLogger(AgiMessageRecorder.class);

    private AgiMessageRecorder() {
    }

    /** Records message {@code messageId} into {@code directory}; blocks until it ends. */
    static RecordedMessage record(AgiExchange agi, String directory, String messageId, Duration maxLength,
            Duration silence) {
        String base = directory.endsWith("/") ? directory + messageId : directory + "/" + messageId;
        int silenceSeconds = (int) Math.max(1, (silence.toMillis() + 999) / 1000); // s= takes whole seconds
        RecordFileCommand command = new RecordFileCommand(base, FORMAT, ESCAPE, (int) maxLength.toMillis(), 0, false,
                silenceSeconds);
        AgiReply reply = agi.execute(command);
        long endpos = endpos(reply);
        Path file = Path.of(base + "." + FORMAT);
        Duration length = Duration.ofMillis(endpos * 1000 / SAMPLE_RATE_HZ);
        int result = reply.getResultCode();
        if (result > 0) {
            return new RecordedMessage(file, length, RecordedMessage.HASH); // '#' is the only escape digit
        }
        if (result == 0) {
            return new RecordedMessage(file, length, endedBy(length, maxLength, Duration.ofSeconds(silenceSeconds)));
        }
        if ("hangup".equals(reply.getExtra())) {
            return new RecordedMessage(file, length, RecordedMessage.HANGUP);
        }
        if ("writefile".equals(reply.getExtra())) {
            throw new AgiCommandException(agi.session().id(), command.buildCommand(), reply);
        }
        RuntimeException failure = agi.failedOrHungUp(command, reply); // (waitfor): hung up, or a failure
        if (failure instanceof CallHungUpException) {
            return new RecordedMessage(file, length, RecordedMessage.HANGUP);
        }
        throw failure;
    }

    /**
     * A {@code (timeout)}: silence cuts the file to at most {@code maxLength - silence + 1 s}; the
     * maximum length leaves it whole. Silence is at least 2 s ({@code messages.silence}), so the two
     * never meet.
     */
    static String endedBy(Duration length, Duration maxLength, Duration silence) {
        Duration silenceCeiling = maxLength.minus(silence).plusSeconds(1);
        return length.compareTo(silenceCeiling) >= 0 ? RecordedMessage.MAX_LENGTH : RecordedMessage.SILENCE;
    }

    /** The samples written; 0 when the reply has none (a failure before the file was opened) or an unreadable one. */
    private static long endpos(AgiReply reply) {
        String value = reply.getAttribute("endpos");
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            // the message is still kept; only its length is unknown
            log.atWarn().addKeyValue("reply", reply.getFirstLine()).setCause(e).log("RECORD FILE's endpos unreadable; length 0");
            return 0;
        }
    }
}
