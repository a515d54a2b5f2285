package org.asteriskjava.fastagi.internal;

import java.util.List;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * Hotline's door to asterisk-java's FastAGI parsing model. asterisk-java parses the {@code agi_*}
 * header block ({@link AgiRequestImpl}: {@code agi_network_script}, its query parameters and the
 * {@code agi_arg_N} arguments) and the reply lines ({@link AgiReplyImpl}: status, {@code result=},
 * attributes such as {@code endpos}, the 520 usage block), but their constructors are package
 * private and its own reader is tied to a blocking socket with a thread per connection. Hotline
 * frames the lines on Netty ({@code org.hotline.agi.AgiMessageDecoder}) and hands them here, so
 * the parsing stays asterisk-java's. Stateless; any thread.
 */
public final class AgiMessages {

    private AgiMessages() {
    }

    /** The request of a FastAGI session from its header lines (without the blank line ending them). */
    public static AgiRequest request(List<String> headerLines) {
        return new AgiRequestImpl(List.copyOf(headerLines));
    }

    /** One reply: a single line, or the lines of a 520 usage block from {@code 520-} to {@code 520 }. */
    public static AgiReply reply(List<String> lines) {
        return new AgiReplyImpl(List.copyOf(lines));
    }
}
