package org.hotline.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One SIP message SIPp sent or received, as written to its {@code -trace_msg} log, with SIPp's
 * wall-clock timestamp (microseconds). Immutable.
 */
public record SipTraceMessage(Instant at, Direction direction, String transport, String text) {

    public enum Direction { SENT, RECEIVED }

    /** The request line or status line. */
    public String firstLine() {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** The status code of a response, empty for a request. */
    public OptionalInt statusCode() {
        String line = firstLine();
        if (!line.startsWith("SIP/2.0 ")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(line.substring(8, 11)));
    }

    public boolean isResponse(int code) {
        return statusCode().orElse(-1) == code;
    }

    /** The method of a request; for a response, the method its CSeq names. */
    public String method() {
        String line = firstLine();
        if (!line.startsWith("SIP/2.0 ")) {
            return line.substring(0, line.indexOf(' '));
        }
        String cseq = header("CSeq").orElseThrow(() -> new IllegalStateException("response without CSeq: " + text));
        return cseq.substring(cseq.indexOf(' ') + 1).strip();
    }

    public boolean isRequest(String method) {
        return statusCode().isEmpty() && method().equals(method);
    }

    /** The first value of a header (full name, case-insensitive; compact forms are not expanded). */
    public Optional<String> header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return text.lines()
                .takeWhile(line -> !line.isBlank())
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst();
    }

    /** The user part of the Request-URI of a request, e.g. the dialled number in {@code INVITE sip:4008001234@...}. */
    public Optional<String> requestUriUser() {
        String[] parts = firstLine().split(" ");
        if (statusCode().isPresent() || parts.length < 2 || !parts[1].startsWith("sip:") || !parts[1].contains("@")) {
            return Optional.empty();
        }
        return Optional.of(parts[1].substring(4, parts[1].indexOf('@')));
    }

    /** Time from {@code earlier} to this message. */
    public Duration since(SipTraceMessage earlier) {
        return Duration.between(earlier.at(), at);
    }

    @Override
    public String toString() {
        return at + " " + direction + " " + firstLine();
    }
}
