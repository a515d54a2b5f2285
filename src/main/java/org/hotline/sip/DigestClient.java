package org.hotline.sip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.config.TrunkConfig;
import org.hotline.sip.registrar.DigestAlgorithm;

/**
 * The client side of SIP digest authentication (RFC 3261 §22.2, RFC 7616 §3.4, RFC 8760): answers
 * a trunk's 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) to our REGISTER or INVITE with the
 * configured credentials. Of several challenges the strongest algorithm we know wins (SHA-256,
 * then MD5, RFC 8760 §2.4); {@code qop=auth} is used whenever offered (auth-int never is: it would
 * bind the body, which no trunk asks of a call). Each answer carries a fresh client nonce with
 * nonce-count 1, so it is never a replay. Immutable; any thread.
 */
final class DigestClient {

    private static final String DIGEST = "Digest";
    private static final String QOP_AUTH = "auth";
    private static final int FIRST_USE = 1;

    private final TrunkConfig.Auth auth;
    private final Supplier<String> cnonces;

    /** @param cnonces fresh client nonces (random hex in production; fixed in tests) */
    DigestClient(TrunkConfig.Auth auth, Supplier<String> cnonces) {
        this.auth = auth;
        this.cnonces = cnonces;
    }

    boolean hasCredentials() {
        return auth.present();
    }

    /**
     * Adds the credentials answering {@code challenge} (a 401 or 407 to {@code request}) to
     * {@code request}, replacing older ones of the same kind. False when it cannot answer: no
     * credentials, no Digest challenge with an algorithm we know, or not a 401/407.
     */
    boolean authorize(Request request, Response challenge, HeaderFactory headers) throws ParseException {
        if (!auth.present()) {
            return false;
        }
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        if (!proxy && challenge.getStatusCode() != Response.UNAUTHORIZED) {
            return false;
        }
        Optional<Challenge> chosen = challenges(challenge, proxy).stream()
                .filter(c -> c.algorithm().isPresent())
                .min(Comparator.comparingInt(c -> c.algorithm().orElseThrow().ordinal()));
        if (chosen.isEmpty()) {
            return false;
        }
        AuthorizationHeader answer = answer(chosen.get(), request, headers, proxy);
        request.removeHeader(proxy ? javax.sip.header.ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME);
        request.addHeader(answer);
        return true;
    }

    private AuthorizationHeader answer(Challenge c, Request request, HeaderFactory headers, boolean proxy)
            throws ParseException {
        DigestAlgorithm algorithm = c.algorithm().orElseThrow();
        String uri = request.getRequestURI().toString();
        String qop = c.offersAuth() ? QOP_AUTH : null;
        String cnonce = qop == null ? null : cnonces.get();
        String nc = String.format(Locale.ROOT, "%08x", FIRST_USE);
        AuthorizationHeader header = proxy
                ? headers.createProxyAuthorizationHeader(DIGEST)
                : headers.createAuthorizationHeader(DIGEST);
        header.setUsername(auth.username());
        header.setRealm(c.realm());
        header.setNonce(c.nonce());
        header.setURI(request.getRequestURI());
        header.setAlgorithm(algorithm.token());
        header.setResponse(response(algorithm, new Exchange(auth.username(), c.realm(), auth.password(),
                request.getMethod(), uri, c.nonce(), nc, cnonce, qop)));
        if (qop != null) {
            header.setQop(qop);
            header.setCNonce(cnonce);
            header.setNonceCount(FIRST_USE);
        }
        if (c.opaque() != null) {
            header.setOpaque(c.opaque());
        }
        return header;
    }

    /**
     * What goes into one digest response.
     *
     * @param qop {@code auth}, or null for the RFC 2069 form without cnonce and nonce-count
     */
    record Exchange(String username, String realm, String password, String method, String uri, String nonce,
            String nonceCount, String cnonce, String qop) {
    }

    /** RFC 7616 §3.4.1: KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2)), strings hashed as UTF-8. */
    static String response(DigestAlgorithm algorithm, Exchange e) {
        String ha1 = algorithm.hashHex(e.username() + ":" + e.realm() + ":" + e.password());
        String ha2 = algorithm.hashHex(e.method() + ":" + e.uri());
        String data = e.qop() == null
                ? e.nonce() + ":" + ha2
                : e.nonce() + ":" + e.nonceCount() + ":" + e.cnonce() + ":" + e.qop() + ":" + ha2;
        return algorithm.hashHex(ha1 + ":" + data);
    }

    /** One Digest challenge of a 401/407; {@code algorithm} empty when we do not know it (e.g. MD5-sess). */
    private record Challenge(String realm, String nonce, String opaque, Optional<DigestAlgorithm> algorithm,
            boolean offersAuth) {
    }

    private static List<Challenge> challenges(Response response, boolean proxy) {
        List<Challenge> found = new ArrayList<>();
        ListIterator<?> headers = response.getHeaders(proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        while (headers.hasNext()) {
            if (headers.next() instanceof WWWAuthenticateHeader h && DIGEST.equalsIgnoreCase(h.getScheme())
                    && h.getRealm() != null && h.getNonce() != null) {
                found.add(new Challenge(h.getRealm(), h.getNonce(), h.getOpaque(),
                        DigestAlgorithm.fromToken(h.getAlgorithm()), offersAuth(h.getQop())));
            }
        }
        return found;
    }

    private static boolean offersAuth(String qopOptions) {
        if (qopOptions == null) {
            return false;
        }
        for (String option : qopOptions.split(",")) {
            if (option.strip().equalsIgnoreCase(QOP_AUTH)) {
                return true;
            }
        }
        return false;
    }
}
