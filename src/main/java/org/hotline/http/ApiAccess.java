package org.hotline.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.config.QaConfig;
import org.hotline.qa.ApiPasswords;

/**
 * Access control for the store's and QA's routes (rule R15): HTTP Basic credentials (RFC 7617)
 * checked against {@code qa.users} (PBKDF2 hashes only), then the route's roles. No or a wrong
 * credential is 401 with a challenge, the wrong role 403; both, and every request that passes,
 * are written to the {@link AuditTrail}. A verified credential is remembered for
 * {@link #REMEMBER} so polling clients do not pay for PBKDF2 each time. Thread-safe.
 */
public final class ApiAccess {

    static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int REMEMBERED_MAX = 1000;
    private static final String CHALLENGE = "Basic realm=\"hotline\", charset=\"UTF-8\"";

    private final Map<String, QaConfig.User> users;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    public ApiAccess(List<QaConfig.User> users, AuditTrail audit, Clock clock) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(QaConfig.User::name, Function.identity()));
        this.audit = audit;
        this.clock = clock;
    }

    /** An authenticated user and role. */
    public record ApiUser(String name, Role role) {}

    /** The roles of {@code qa.users}. */
    public enum Role {
        QA, SUPERVISOR, ADMIN;

        static Role of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public static final Set<Role> QA_STAFF = Set.of(Role.QA, Role.SUPERVISOR, Role.ADMIN);
    public static final Set<Role> SUPERVISORS = Set.of(Role.SUPERVISOR, Role.ADMIN);

    /** A route handler that knows who is asking. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request, ApiUser user);
    }

    /** Wraps {@code handler}: only {@code roles} get through; {@code action} names it in the audit log. */
    public Route.Handler guard(Set<Role> roles, String action, Handler handler) {
        return request -> {
            String target = request.method() + " " + request.path();
            Optional<Credential> credential = credential(request);
            boolean authentic = credential.isPresent() && authentic(credential.get());
            credential.ifPresent(given -> Arrays.fill(given.password(), '\0'));
            if (!authentic) {
                audit.audit(credential.map(Credential::user).orElse(null), action, target, 401, request.remote());
                return ApiResponse.error(401, "a valid credential is needed (HTTP Basic)", null)
                        .withHeader("WWW-Authenticate", CHALLENGE);
            }
            ApiUser user = new ApiUser(credential.get().user(), Role.of(users.get(credential.get().user()).role()));
            if (!roles.contains(user.role())) {
                audit.audit(user.name(), action, target, 403, request.remote());
                return ApiResponse.error(403, "the role " + user.role().name().toLowerCase(Locale.ROOT)
                        + " may not " + action + " (needs one of " + names(roles) + ")", null);
            }
            ApiResponse response = handler.handle(request, user);
            audit.audit(user.name(), action, target, response.status(), request.remote());
            return response;
        };
    }

    private record Credential(String user, char[] password) {}

    private static Optional<Credential> credential(ApiRequest request) {
        Optional<String> header = request.header("authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.get().substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? Optional.empty()
                : Optional.of(new Credential(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
    }

    private boolean authentic(Credential credential) {
        QaConfig.User user = users.get(credential.user());
        if (user == null) {
            return false;
        }
        String key = fingerprint(user, credential.password());
        Instant now = clock.instant();
        Instant until = verified.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean ok = ApiPasswords.verify(credential.password(), user.passwordHash());
        if (ok) {
            if (verified.size() >= REMEMBERED_MAX) {
                verified.clear();
            }
            verified.put(key, now.plus(REMEMBER));
        }
        return ok;
    }

    /** A one-way key for a verified credential: the stored hash and the password, never kept in clear. */
    private static String fingerprint(QaConfig.User user, char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(user.passwordHash().getBytes(StandardCharsets.UTF_8));
            digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String names(Set<Role> roles) {
        return roles.stream().sorted().map(role -> role.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
