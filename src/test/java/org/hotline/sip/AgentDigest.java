package org.hotline.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A softphone's digest answer (RFC 7616 §3.4.1, qop=auth) to a challenge read off the wire, written
 * with plain MessageDigest so tests check the front against a second implementation.
 */
final class AgentDigest {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(\"([^\"]*)\"|[^,\\s]+)");

    private AgentDigest() {
    }

    /** The Authorization value answering the {@code algorithm} challenge of a 401 for {@code method uri}. */
    static String answer(SipMessage unauthorized, String algorithm, String user, String password, String method,
            String uri) {
        Map<String, String> challenge = unauthorized.headers("WWW-Authenticate").stream()
                .map(AgentDigest::params)
                .filter(p -> algorithm.equalsIgnoreCase(p.get("algorithm")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + algorithm + " challenge in " + unauthorized.headers()));
        String realm = challenge.get("realm");
        String nonce = challenge.get("nonce");
        String nc = "00000001";
        String cnonce = "c" + Long.toHexString(System.nanoTime());
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + algorithm + ", qop=auth, nc=" + nc
                + ", cnonce=\"" + cnonce + "\"";
    }

    private static Map<String, String> params(String header) {
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return params;
    }

    private static String hash(String algorithm, String data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
