package org.hotline.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agents section: one login per person with a digits-only work number (rule R3, also the SIP
 * user name and what callers hear), digest credentials stored only as HA1 hashes of the right
 * length, and queues that exist.
 */
final class AgentValidator {

    /** Rule R3: read digit by digit to the caller; the SIP user name. */
    static final Pattern WORK_NUMBER = Pattern.compile("[0-9]{1,16}");
    static final int MAX_LEVEL = 99;
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String HASH_HINT = " (make it with ./hotline run hash-password <workNumber> [realm])";

    private final ConfigValidator config;
    private final Set<String> queues;
    private final List<String> serviceNumbers;

    AgentValidator(ConfigValidator config, Set<String> queues, List<String> serviceNumbers) {
        this.config = config;
        this.queues = queues;
        this.serviceNumbers = serviceNumbers;
    }

    void check(AgentsConfig agents) {
        String realm = config.requireText(agents.realm(), "agents.realm");
        if (realm.contains(":") || realm.contains("\"")) {
            throw config.fail("agents.realm", "must not contain ':' or '\"' (RFC 7616 §3.3)");
        }
        List<String> algorithms = config.require(agents.digestAlgorithms(), "agents.digestAlgorithms");
        if (algorithms.isEmpty() || !AgentsConfig.KNOWN_DIGEST_ALGORITHMS.containsAll(algorithms)
                || algorithms.stream().distinct().count() != algorithms.size()) {
            throw config.fail("agents.digestAlgorithms", algorithms + " must be SHA-256 and/or MD5, each once");
        }
        List<AgentConfig> members = config.require(agents.members(), "agents.members");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            String key = "agents.members[" + i + "]";
            AgentConfig agent = config.require(members.get(i), key);
            String workNumber = checkWorkNumber(agent, key);
            Integer earlier = seen.putIfAbsent(workNumber, i);
            if (earlier != null) {
                throw config.fail(key + ".workNumber", workNumber + " is already agents.members[" + earlier
                        + "]'s: no shared logins (rule R3)");
            }
            config.requireText(agent.displayName(), key + ".displayName");
            checkQueues(agent.queues(), key + ".queues");
            hex(agent.ha1Md5(), key + ".ha1Md5", MD5_HEX, "32 lower-case hex digits: MD5(workNumber:realm:password)");
            hex(agent.ha1Sha256(), key + ".ha1Sha256", SHA256_HEX, "64 lower-case hex digits: SHA-256(workNumber:realm:password)");
        }
    }

    private String checkWorkNumber(AgentConfig agent, String key) {
        String workNumber = config.requireText(agent.workNumber(), key + ".workNumber");
        if (!WORK_NUMBER.matcher(workNumber).matches()) {
            throw config.fail(key + ".workNumber", "\"" + workNumber + "\" must be 1-16 digits: callers hear it digit by digit (rule R3)");
        }
        if (serviceNumbers.contains(workNumber)) {
            throw config.fail(key + ".workNumber", workNumber + " is also in service.numbers: a call to it would be ambiguous");
        }
        return workNumber;
    }

    private void checkQueues(Map<String, Integer> levels, String key) {
        if (config.require(levels, key).isEmpty()) {
            throw config.fail(key, "an agent serves at least one queue, e.g. {general: 0}");
        }
        for (Map.Entry<String, Integer> entry : levels.entrySet()) {
            if (!queues.contains(entry.getKey())) {
                throw config.fail(key + "." + entry.getKey(), "no queue named " + entry.getKey() + " in queues");
            }
            Integer level = entry.getValue();
            if (level == null || level < 0 || level > MAX_LEVEL) {
                throw config.fail(key + "." + entry.getKey(), level + " must be a level 0-" + MAX_LEVEL + " (lower is offered first)");
            }
        }
    }

    private void hex(String value, String key, Pattern pattern, String expected) {
        if (!pattern.matcher(config.requireText(value, key)).matches()) {
            throw config.fail(key, "must be " + expected + HASH_HINT);
        }
    }
}
