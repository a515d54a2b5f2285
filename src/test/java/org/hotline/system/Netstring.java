package org.hotline.system;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Netstrings ({@code <length>:<bytes>,}), the framing of baresip's ctrl_tcp JSON messages
 * (cr.yp.to/proto/netstrings.txt). Stateless.
 */
final class Netstring {

    private static final int MAX_LENGTH_DIGITS = 9;

    private Netstring() {
    }

    static byte[] encode(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (body.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + body.length + 1];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(body, 0, frame, prefix.length, body.length);
        frame[frame.length - 1] = ',';
        return frame;
    }

    /** The next netstring's payload; empty at a clean end of stream. Blocks while it is incomplete. */
    static Optional<String> read(InputStream in) throws IOException {
        ByteArrayOutputStream digits = new ByteArrayOutputStream();
        int c = in.read();
        if (c < 0) {
            return Optional.empty();
        }
        while (c != ':') {
            if (c < '0' || c > '9' || digits.size() >= MAX_LENGTH_DIGITS) {
                throw new IOException("malformed netstring length prefix at '" + (char) c + "'");
            }
            digits.write(c);
            c = in.read();
            if (c < 0) {
                throw new EOFException("stream ended inside a netstring length prefix");
            }
        }
        if (digits.size() == 0) {
            throw new IOException("netstring without a length");
        }
        int length = Integer.parseInt(digits.toString(StandardCharsets.US_ASCII));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("stream ended inside a netstring body");
        }
        int comma = in.read();
        if (comma != ',') {
            throw new IOException("netstring not terminated by ',' but " + comma);
        }
        return Optional.of(new String(body, StandardCharsets.UTF_8));
    }
}
