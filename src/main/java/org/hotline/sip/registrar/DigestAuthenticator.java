package org.hotline.sip.registrar;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;

/**
 * SIP digest authentication for the registrar (RFC 3261 §22.4 with RFC 7616 and RFC 8760): builds
 * the challenges and judges the answers. Only qop=auth is offered and accepted; qop-less RFC 2069
 * answers are refused ({@link DigestVerdict#UNSUPPORTED}) because they carry no nonce-count, so a
 * captured answer could be replayed for the whole nonce lifetime, and RFC 7616 §3.4 lets a client
 * use only a qop the server offered. Every softphone we target (baresip, Linphone, pjsip-based
 * ones, Zoiper) answers qop=auth. {@code opaque} is not used: the nonce itself is authenticated.
 *
 * <p>Thread-safe: called concurrently by SIP stack threads. The only mutable state is the highest
 * nonce-count seen per accepted nonce, in a {@link ConcurrentHashMap}; entries are made only for
 * correct answers and are dropped once their nonce has expired, so memory is bounded by the
 * agents' registration rate.
 */
public final class DigestAuthenticator {

    private static final String SCHEME = "Digest";
    private static final String QOP_AUTH = "auth";

    private final DigestConfig config;
    private final Clock clock;
    private final NonceCodec nonces;
    private final AddressFactory addresses;
    private final Map<String, NonceUse> nonceUses = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextPurge;

    /**
     * {@code random} must not block: pass {@code new SecureRandom()}, not
     * {@code SecureRandom.getInstanceStrong()}, because challenges are issued on SIP stack threads.
     */
    public DigestAuthenticator(DigestConfig config, Clock clock, SecureRandom random, AddressFactory addresses) {
        this.config = config;
        this.clock = clock;
        this.nonces = new NonceCodec(random);
        this.addresses = addresses;
        this.nextPurge = new AtomicReference<>(clock.instant().plus(config.nonceLifetime()));
    }

    public String realm() {
        return config.realm();
    }

    /**
     * The WWW-Authenticate headers for a 401: one per {@link DigestAlgorithm}, SHA-256 first
     * (RFC 8760 §2.4), sharing one fresh nonce bound to {@code source}.
     */
    public List<WWWAuthenticateHeader> challenge(HeaderFactory headers, InetAddress source, boolean stale)
            throws ParseException {
        String nonce = nonces.issue(clock.instant(), source);
        List<WWWAuthenticateHeader> challenges = new ArrayList<>();
        for (DigestAlgorithm algorithm : config.algorithms()) {
            WWWAuthenticateHeader challenge = headers.createWWWAuthenticateHeader(SCHEME);
            challenge.setRealm(config.realm());
            challenge.setNonce(nonce);
            challenge.setQop(QOP_AUTH);
            challenge.setAlgorithm(algorithm.token());
            if (stale) {
                challenge.setStale(true);
            }
            challenges.add(challenge);
        }
        return challenges;
    }

    /**
     * Judges the request's Digest Authorization for our realm against {@code credential}, which the
     * caller looked up by the AOR being registered. Records the nonce-count only when the verdict is
     * {@link DigestVerdict#AUTHENTICATED}. Response comparison is constant-time.
     */
    public DigestVerdict verify(Request request, DigestCredential credential, InetAddress source) {
        Optional<AuthorizationHeader> header = answerForOurRealm(request);
        if (header.isEmpty()) {
            return DigestVerdict.NO_ANSWER;
        }
        AuthorizationHeader authorization = header.get();
        if (authorization.getUsername() == null) {
            return DigestVerdict.MALFORMED;
        }
        if (!authorization.getUsername().equals(credential.user())) {
            return DigestVerdict.USERNAME_MISMATCH;
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(authorization.getAlgorithm());
        if (algorithm.isEmpty() || !config.algorithms().contains(algorithm.get())
                || !QOP_AUTH.equalsIgnoreCase(authorization.getQop())) {
            return DigestVerdict.UNSUPPORTED;
        }
        DigestAnswer answer = new DigestAnswer(authorization.getUsername(), authorization.getNonce(),
                authorization.getParameter("uri"), authorization.getResponse(), algorithm.get(),
                authorization.getQop(), authorization.getParameter("nc"), authorization.getCNonce());
        return judge(answer, request, credential, source);
    }

    private DigestVerdict judge(DigestAnswer answer, Request request, DigestCredential credential, InetAddress source) {
        if (answer.nonce() == null || answer.uri() == null || answer.response() == null
                || answer.cnonce() == null || answer.nonceCountValue() < 0) {
            return DigestVerdict.MALFORMED;
        }
        Optional<Boolean> uriMatches = sameUri(answer.uri(), request.getRequestURI());
        if (uriMatches.isEmpty()) {
            return DigestVerdict.MALFORMED;
        }
        if (!uriMatches.get()) {
            return DigestVerdict.URI_MISMATCH;
        }
        Optional<Instant> issuedAt = nonces.issuedAt(answer.nonce(), source);
        if (issuedAt.isEmpty()) {
            return DigestVerdict.UNKNOWN_NONCE;
        }
        String expected = answer.expectedResponse(credential.ha1(answer.algorithm()), request.getMethod());
        if (!constantTimeEquals(expected, answer.response())) {
            return DigestVerdict.WRONG_RESPONSE;
        }
        Instant now = clock.instant();
        if (now.isAfter(issuedAt.get().plus(config.nonceLifetime()))) {
            return DigestVerdict.STALE;
        }
        return acceptNonceCount(answer, issuedAt.get(), now)
                ? DigestVerdict.AUTHENTICATED
                : DigestVerdict.REPLAYED;
    }

    /** The last Digest Authorization header whose realm is ours (RFC 3261 §22.4: match by realm). */
    private Optional<AuthorizationHeader> answerForOurRealm(Request request) {
        ListIterator<?> headers = request.getHeaders(AuthorizationHeader.NAME);
        AuthorizationHeader found = null;
        while (headers.hasNext()) {
            AuthorizationHeader candidate = (AuthorizationHeader) headers.next();
            if (SCHEME.equalsIgnoreCase(candidate.getScheme()) && config.realm().equals(candidate.getRealm())) {
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    /** RFC 3261 §19.1.4 comparison via the stack's URI equality; empty if the digest-uri does not parse. */
    private Optional<Boolean> sameUri(String digestUri, URI requestUri) {
        try {
            return Optional.of(addresses.createURI(digestUri).equals(requestUri));
        } catch (ParseException unparsable) {
            return Optional.empty();
        }
    }

    /** Accepts a nonce-count only if it is higher than every count seen with this nonce (RFC 7616 §3.4). */
    private boolean acceptNonceCount(DigestAnswer answer, Instant issuedAt, Instant now) {
        purgeExpiredNonces(now);
        long nonceCount = answer.nonceCountValue();
        boolean[] accepted = {false};
        nonceUses.compute(answer.nonce(), (nonce, use) -> {
            if (use == null || nonceCount > use.highestNonceCount()) {
                accepted[0] = true;
                return new NonceUse(issuedAt, nonceCount);
            }
            return use;
        });
        return accepted[0];
    }

    /** At most once per nonce lifetime, forgets counts of nonces that can no longer be accepted. */
    private void purgeExpiredNonces(Instant now) {
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(config.nonceLifetime()))) {
            return;
        }
        Duration lifetime = config.nonceLifetime();
        nonceUses.values().removeIf(use -> now.isAfter(use.issuedAt().plus(lifetime)));
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    int trackedNonces() {
        return nonceUses.size();
    }

    private record NonceUse(Instant issuedAt, long highestNonceCount) {
    }
}
