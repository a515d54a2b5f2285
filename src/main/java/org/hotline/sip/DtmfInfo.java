package org.hotline.sip;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a key press from a SIP INFO body: {@code application/dtmf-relay} ("Signal=5", as sent by
 * Cisco, Asterisk, Linphone) and {@code application/dtmf} (the bare key). Signal 10 and 11 are
 * read as '*' and '#', as some phones send them. Pure functions.
 */
final class DtmfInfo {

    static final String DTMF_RELAY = "application/dtmf-relay";
    static final String DTMF = "application/dtmf";

    private DtmfInfo() {
    }

    static boolean supports(String contentType) {
        return DTMF_RELAY.equalsIgnoreCase(contentType) || DTMF.equalsIgnoreCase(contentType);
    }

    static Optional<Character> parse(String contentType, String body) {
        if (body == null) {
            return Optional.empty();
        }
        if (DTMF_RELAY.equalsIgnoreCase(contentType)) {
            for (String line : body.split("\r?\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("signal")) {
                    return key(line.substring(eq + 1).trim());
                }
            }
            return Optional.empty();
        }
        if (DTMF.equalsIgnoreCase(contentType)) {
            return key(body.trim());
        }
        return Optional.empty();
    }

    private static Optional<Character> key(String value) {
        String v = value.toUpperCase(Locale.ROOT);
        return switch (v) {
            case "10" -> Optional.of('*');
            case "11" -> Optional.of('#');
            default -> v.length() == 1 && "0123456789*#ABCD".indexOf(v.charAt(0)) >= 0
                    ? Optional.of(v.charAt(0))
                    : Optional.empty();
        };
    }
}
