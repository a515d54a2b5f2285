package org.hotline.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.fastagi.internal.AgiMessages;

/**
 * Turns the lines of a FastAGI connection (framed by a {@code LineBasedFrameDecoder}, delimiters
 * stripped) into {@link AgiInbound} messages. The wire format is res_agi.c's: {@code setup_env}
 * writes {@code agi_name: value} lines ended by a blank line (after {@code agi_network: yes} and
 * {@code agi_network_script: ...} from {@code launch_netscript}); each command gets one
 * {@code 200 result=...} line, {@code 510 Invalid or unknown command}, {@code 511 Command Not
 * Permitted on a dead channel} (newer versions add "or intercept routine"), or a usage block from
 * {@code 520-Invalid command syntax.  Proper usage follows:} to {@code 520 End of proper usage.};
 * {@code HANGUP} announces a hang-up. A {@code 100} (Trying, sent before some GOSUB replies) is not a
 * reply and is dropped. The parsing of the header block and of each reply is asterisk-java's.
 *
 * <p>Threading: one instance per channel, on that channel's event loop. The incoming
 * {@link ByteBuf} is released by the superclass after {@link #decode}.
 */
final class AgiMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    /** Asterisk's environment is about 20 lines plus the dialplan's arguments (res_agi MAX_ARGS 128). */
    static final int MAX_HEADER_LINES = 200;
    static final int MAX_USAGE_LINES = 200;
    private static final String HANGUP = "HANGUP";
    private static final String USAGE_START = "520-";
    private static final String USAGE_END = "520 ";
    private static final String TRYING = "100 ";

    private final List<String> header = new ArrayList<>();
    private List<String> usage;
    private boolean headerDone;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        String line = stripCarriageReturn(frame.toString(StandardCharsets.UTF_8));
        if (!headerDone) {
            header(line, out);
        } else {
            reply(line, out);
        }
    }

    private void header(String line, List<Object> out) {
        if (line.isEmpty()) {
            if (header.isEmpty()) {
                return; // stray blank line before the environment
            }
            headerDone = true;
            out.add(new AgiInbound.Request(AgiMessages.request(header)));
            header.clear();
            return;
        }
        if (header.size() >= MAX_HEADER_LINES) {
            throw new CorruptedFrameException("AGI header block longer than " + MAX_HEADER_LINES + " lines");
        }
        header.add(line);
    }

    private void reply(String line, List<Object> out) {
        if (usage != null) {
            usage.add(line);
            if (line.startsWith(USAGE_END)) {
                out.add(new AgiInbound.Reply(AgiMessages.reply(usage)));
                usage = null;
            } else if (usage.size() > MAX_USAGE_LINES) {
                throw new CorruptedFrameException("AGI 520 usage block longer than " + MAX_USAGE_LINES + " lines");
            }
            return;
        }
        if (line.startsWith(HANGUP)) {
            out.add(new AgiInbound.HangupNotice());
            String rest = line.substring(HANGUP.length()); // asterisk-java's reader allows a reply glued on
            if (!rest.isBlank()) {
                reply(rest, out);
            }
            return;
        }
        if (line.isBlank() || line.startsWith(TRYING)) {
            return;
        }
        if (line.startsWith(USAGE_START)) {
            usage = new ArrayList<>(List.of(line));
            return;
        }
        out.add(new AgiInbound.Reply(AgiMessages.reply(List.of(line))));
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
