package org.hotline.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code store:} and {@code qa:} sections: a JDBC URL the store can use (H2 or PostgreSQL, the
 * two the one schema is tested on), a bounded pool, positive timeouts, rule R14's three samples,
 * a scoring sheet whose weights make 100 and names real rules, and API users with known roles and
 * hashed passwords only.
 */
final class StoreValidator {

    static final int MAX_POOL_SIZE = 64;
    static final int MIN_HASH_ITERATIONS = 10_000;
    /** Rule R14: every agent has at least 3 sampled calls every week. */
    static final int R14_MIN_SAMPLES = 3;
    private static final int SHEET_POINTS = 100;
    private static final Pattern RULE = Pattern.compile("R([1-9]|1[0-9]|20)");
    private static final Pattern CRITERION_ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PASSWORD_HASH = Pattern.compile("pbkdf2-sha256\\$(\\d{1,9})\\$[A-Za-z0-9+/]+=*\\$[A-Za-z0-9+/]+=*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String HASH_HINT = " (make it with ./hotline run hash-api-password <name>)";

    private final ConfigValidator config;

    StoreValidator(ConfigValidator config) {
        this.config = config;
    }

    void check(StoreConfig store) {
        String url = config.requireText(store.jdbcUrl(), "store.jdbcUrl");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw config.fail("store.jdbcUrl", "\"" + url + "\" must start with jdbc:h2: (embedded) or jdbc:postgresql:");
        }
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=0")) {
            throw config.fail("store.jdbcUrl", "an H2 file needs ;WRITE_DELAY=0, or a killed server loses its last second of"
                    + " records (rule R20)");
        }
        config.require(store.user(), "store.user");
        String password = config.require(store.password(), "store.password");
        if (password.startsWith(StoreConfig.ENV_PREFIX)) {
            String name = password.substring(StoreConfig.ENV_PREFIX.length());
            if (!ENV_NAME.matcher(name).matches()) {
                throw config.fail("store.password", "env: must name an environment variable, e.g. env:HOTLINE_DB_PASSWORD");
            }
            if (System.getenv(name) == null) {
                throw config.fail("store.password", "the environment variable " + name + " is not set");
            }
        }
        if (store.poolSize() < 1 || store.poolSize() > MAX_POOL_SIZE) {
            throw config.fail("store.poolSize", store.poolSize() + " must be 1-" + MAX_POOL_SIZE);
        }
        config.require(store.spoolDirectory(), "store.spoolDirectory");
        if (config.require(store.connectionTimeout(), "store.connectionTimeout").toMillis() < 250) {
            throw config.fail("store.connectionTimeout", "must be at least 250ms (the pool's floor)");
        }
        if (!config.require(store.retryInterval(), "store.retryInterval").isPositive()) {
            throw config.fail("store.retryInterval", "must be more than 0s");
        }
    }

    void check(QaConfig qa) {
        if (qa.samplesPerAgentPerWeek() < R14_MIN_SAMPLES) {
            throw config.fail("qa.samplesPerAgentPerWeek", qa.samplesPerAgentPerWeek()
                    + " is below rule R14's " + R14_MIN_SAMPLES + " sampled calls per agent per week");
        }
        checkSheet(config.require(qa.scoringSheet(), "qa.scoringSheet"));
        checkUsers(config.require(qa.users(), "qa.users"));
    }

    private void checkSheet(List<QaConfig.Criterion> sheet) {
        if (sheet.isEmpty()) {
            throw config.fail("qa.scoringSheet", "list at least one criterion (rule R14: calls are scored against a sheet)");
        }
        Set<String> ids = new HashSet<>();
        int points = 0;
        for (int i = 0; i < sheet.size(); i++) {
            String key = "qa.scoringSheet[" + i + "]";
            QaConfig.Criterion criterion = config.require(sheet.get(i), key);
            String id = config.requireText(criterion.id(), key + ".id");
            if (!CRITERION_ID.matcher(id).matches()) {
                throw config.fail(key + ".id", "\"" + id + "\" must be lower-case letters, digits and -, like hold-etiquette");
            }
            if (!ids.add(id)) {
                throw config.fail(key + ".id", id + " appears twice");
            }
            config.requireText(criterion.description(), key + ".description");
            if (criterion.weight() < 1 || criterion.weight() > SHEET_POINTS) {
                throw config.fail(key + ".weight", criterion.weight() + " must be 1-" + SHEET_POINTS);
            }
            points += criterion.weight();
            List<String> rules = config.require(criterion.rules(), key + ".rules");
            for (int r = 0; r < rules.size(); r++) {
                if (rules.get(r) == null || !RULE.matcher(rules.get(r)).matches()) {
                    throw config.fail(key + ".rules[" + r + "]", rules.get(r) + " is not a rule of the service standards (R1-R20)");
                }
            }
        }
        if (points != SHEET_POINTS) {
            throw config.fail("qa.scoringSheet", "the weights add up to " + points + ", not " + SHEET_POINTS);
        }
    }

    private void checkUsers(List<QaConfig.User> users) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            String key = "qa.users[" + i + "]";
            QaConfig.User user = config.require(users.get(i), key);
            String name = config.requireText(user.name(), key + ".name");
            if (!USER_NAME.matcher(name).matches()) {
                throw config.fail(key + ".name", "\"" + name + "\" must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (!names.add(name)) {
                throw config.fail(key + ".name", name + " appears twice: one login per person");
            }
            String role = config.requireText(user.role(), key + ".role");
            if (!QaConfig.ROLES.contains(role)) {
                throw config.fail(key + ".role", "\"" + role + "\" must be one of " + QaConfig.ROLES);
            }
            checkHash(config.requireText(user.passwordHash(), key + ".passwordHash"), key + ".passwordHash");
        }
    }

    private void checkHash(String hash, String key) {
        Matcher matcher = PASSWORD_HASH.matcher(hash);
        if (!matcher.matches()) {
            throw config.fail(key, "must be pbkdf2-sha256$<iterations>$<salt>$<hash>, never a plain password" + HASH_HINT);
        }
        if (Integer.parseInt(matcher.group(1)) < MIN_HASH_ITERATIONS) {
            throw config.fail(key, "needs at least " + MIN_HASH_ITERATIONS + " iterations" + HASH_HINT);
        }
    }
}
