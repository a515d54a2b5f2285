package org.hotline.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ListIterator;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;

/**
 * A softphone's side of digest auth, written independently of the main code (plain
 * MessageDigest) so tests check the server against a second implementation of RFC 7616 §3.4.1.
 */
final class DigestClient {

    private DigestClient() {
    }

    /** The challenge in {@code response} offering {@code algorithm} ("SHA-256" or "MD5"). */
    static WWWAuthenticateHeader challenge(Response response, String algorithm) {
        ListIterator<?> headers = response.getHeaders(WWWAuthenticateHeader.NAME);
        while (headers.hasNext()) {
            WWWAuthenticateHeader header = (WWWAuthenticateHeader) headers.next();
            if (algorithm.equalsIgnoreCase(header.getAlgorithm())) {
                return header;
            }
        }
        throw new AssertionError("no " + algorithm + " challenge in\n" + response);
    }

    /** An Authorization header value answering {@code challenge} with qop=auth. */
    static String answer(WWWAuthenticateHeader challenge, String user, String password, String nc, String cnonce) {
        return answer(challenge, user, password, nc, cnonce, RegisterMessage.REQUEST_URI);
    }

    static String answer(WWWAuthenticateHeader challenge, String user, String password, String nc, String cnonce,
                         String uri) {
        String algorithm = challenge.getAlgorithm();
        String ha1 = hash(algorithm, user + ":" + challenge.getRealm() + ":" + password);
        String ha2 = hash(algorithm, "REGISTER:" + uri);
        String response = hash(algorithm, ha1 + ":" + challenge.getNonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + challenge.getRealm() + "\", nonce=\""
                + challenge.getNonce() + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm="
                + algorithm + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"";
    }

    static String hash(String algorithm, String data) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
