package org.hotline.sip.registrar;

import java.util.HexFormat;

/**
 * The fields of a Digest Authorization header that the response is computed from, as sent
 * (RFC 7616 §3.4). {@code nonceCount} is kept as the client wrote it, because the response hashes
 * that exact text. Immutable.
 */
record DigestAnswer(
        String username,
        String nonce,
        String uri,
        String response,
        DigestAlgorithm algorithm,
        String qop,
        String nonceCount,
        String cnonce) {

    /** The nonce-count as a number, or -1 if it is not 1 to 8 hex digits (RFC 7616 §3.4: 8LHEX). */
    long nonceCountValue() {
        if (nonceCount == null || nonceCount.isEmpty() || nonceCount.length() > 8
                || !nonceCount.chars().allMatch(HexFormat::isHexDigit)) {
            return -1;
        }
        return Long.parseLong(nonceCount, 16);
    }

    /**
     * The response a client knowing {@code ha1} computes for qop=auth (RFC 7616 §3.4.1):
     * H(HA1:nonce:nc:cnonce:qop:H(method:digest-uri)).
     */
    String expectedResponse(String ha1, String method) {
        String ha2 = algorithm.hashHex(method + ":" + uri);
        return algorithm.hashHex(String.join(":", ha1, nonce, nonceCount, cnonce, qop, ha2));
    }
}
