package org.hotline.agi;

import java.util.Objects;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * What Asterisk sends on a FastAGI connection, as framed by {@link AgiMessageDecoder}: first the
 * request (the {@code agi_*} header block), then one reply per command, and a hang-up notice when
 * the channel hangs up (res_agi.c {@code run_agi}: {@code "HANGUP\n"} to a FastAGI script unless
 * {@code AGISIGHUP} is {@code no}). Immutable.
 */
sealed interface AgiInbound {

    /** The header block that opens the session. */
    record Request(AgiRequest request) implements AgiInbound {
        public Request {
            Objects.requireNonNull(request, "request");
        }
    }

    /** The reply to the command in flight (200, 510, 511 or the 520 usage block). */
    record Reply(AgiReply reply) implements AgiInbound {
        public Reply {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The channel hung up; commands from now on are answered 511 (dead channel) by Asterisk. */
    record HangupNotice() implements AgiInbound {}
}
