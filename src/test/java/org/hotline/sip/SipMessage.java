package org.hotline.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A SIP message as the test phone sees it on the wire: start line, headers in order, body. */
record SipMessage(String startLine, List<Map.Entry<String, String>> headers, String body) {

    private static final Map<String, String> COMPACT = Map.of(
            "i", "call-id", "f", "from", "t", "to", "v", "via", "m", "contact", "l", "content-length",
            "c", "content-type", "r", "refer-to", "o", "event");

    static SipMessage parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        String[] lines = head.split("\r\n");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        return new SipMessage(lines[0], List.copyOf(headers), body);
    }

    boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    int status() {
        return isResponse() ? Integer.parseInt(startLine.split(" ")[1]) : -1;
    }

    String method() {
        return isResponse() ? cseqMethod() : startLine.split(" ")[0];
    }

    String cseqMethod() {
        return header("CSeq").orElse("0 NONE").split("\\s+")[1];
    }

    long cseqNumber() {
        return Long.parseLong(header("CSeq").orElse("0 NONE").split("\\s+")[0]);
    }

    Optional<String> header(String name) {
        List<String> all = headers(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    List<String> headers(String name) {
        String wanted = canonical(name);
        return headers.stream().filter(h -> canonical(h.getKey()).equals(wanted)).map(Map.Entry::getValue).toList();
    }

    String callId() {
        return header("Call-ID").orElse("");
    }

    /** The tag parameter of the To header, if any. */
    Optional<String> toTag() {
        return header("To").flatMap(SipMessage::tag);
    }

    static Optional<String> tag(String nameAddr) {
        int i = nameAddr.toLowerCase(Locale.ROOT).indexOf(";tag=");
        if (i < 0) {
            return Optional.empty();
        }
        String rest = nameAddr.substring(i + 5);
        int end = rest.indexOf(';');
        return Optional.of(end < 0 ? rest.trim() : rest.substring(0, end).trim());
    }

    /** The URI inside the first Contact header, without angle brackets. */
    Optional<String> contactUri() {
        return header("Contact").map(c -> {
            int lt = c.indexOf('<');
            return lt < 0 ? c.split(";")[0] : c.substring(lt + 1, c.indexOf('>'));
        });
    }

    private static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return COMPACT.getOrDefault(lower, lower);
    }

    @Override
    public String toString() {
        return startLine;
    }
}
