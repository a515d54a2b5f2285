package org.hotline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * The value of every key a site may leave out, as named constants, and the step that writes them
 * into the parsed tree before binding. Keys without a default ({@code service.numbers}, {@code
 * ivr.menu}, {@code ivr.agentQueue}, {@code queues} and each queue's {@code name}, and each agent's
 * keys) must be written. The agent rules' limits (R16-R18) are the standard, not defaults: they are
 * constants of {@code org.hotline.acd.AgentRules}.
 */
public final class ConfigDefaults {

    public static final String DEFAULT_LANGUAGE = "zh-CN"; // rule R6: Mandarin first
    public static final List<String> LANGUAGES = List.of(DEFAULT_LANGUAGE);
    public static final String TIME_ZONE = "Asia/Shanghai";

    public static final String SIP_BIND_ADDRESS = "0.0.0.0";
    public static final int SIP_PORT = 5060;
    public static final List<String> SIP_TRANSPORTS = List.of("udp", "tcp");
    public static final Duration SIP_RING_DELAY = Duration.ofSeconds(2); // rule R1: well inside 10 s
    public static final int SIP_STACK_THREADS = 8;

    public static final String RTP_BIND_ADDRESS = "0.0.0.0";
    public static final int RTP_PORT_MIN = 20000;
    public static final int RTP_PORT_MAX = 20999;
    public static final int RTP_EVENT_LOOP_THREADS = 0;

    /** Loopback: the ACD's routes have no access control yet (the store's and QA's need qa.users). */
    public static final String HTTP_BIND_ADDRESS = "127.0.0.1";
    public static final int HTTP_PORT = 8080;

    public static final String PROMPTS_DIRECTORY = "prompts";

    public static final Duration NO_INPUT_TIMEOUT = Duration.ofSeconds(5); // rule R5
    public static final Duration HANGUP_AFTER_GOODBYE = Duration.ofSeconds(5); // rule R5
    public static final int MAX_INVALID_INPUTS = 3;
    public static final String AGENT_KEY = "0";

    public static final HoursConfig.AfterHours.Action AFTER_HOURS_ACTION = HoursConfig.AfterHours.Action.MESSAGE;

    public static final boolean NATIONAL_HOLIDAYS = true;
    public static final int SPRING_FESTIVAL_DAYS = 7;

    public static final QueueConfig.Strategy QUEUE_STRATEGY = QueueConfig.Strategy.LONGEST_IDLE;
    public static final int QUEUE_PRIORITY = 0;
    public static final Duration QUEUE_WRAP_UP = Duration.ofSeconds(15);
    public static final Duration QUEUE_MAX_WAIT = Duration.ofMinutes(5);
    public static final String QUEUE_ON_MAX_WAIT = QueueConfig.FAIL; // rule R9
    public static final QueueConfig.NoAgents QUEUE_WHEN_NO_AGENTS = QueueConfig.NoAgents.WAIT;
    public static final Duration SERVICE_LEVEL_THRESHOLD = Duration.ofSeconds(20);
    public static final int SERVICE_LEVEL_TARGET_PERCENT = 80;
    public static final Duration ANNOUNCE_FIRST = Duration.ofSeconds(45); // rule R7
    public static final Duration ANNOUNCE_INTERVAL = Duration.ofSeconds(60); // rule R7
    public static final Duration RING_TIMEOUT = Duration.ofSeconds(10); // rule R1: three rings
    public static final String MUSIC_ON_HOLD = "music.hold";
    public static final boolean WHISPER = false;
    public static final RecordingPolicy QUEUE_RECORDING = RecordingPolicy.ALL; // rule R14: calls are recorded

    public static final String AGENTS_REALM = "hotline";

    public static final boolean AGI_ENABLED = false; // the standalone SIP front is the default deployment
    public static final String AGI_BIND_ADDRESS = "127.0.0.1";
    public static final int AGI_PORT = 4573; // res_agi.c AGI_PORT
    public static final int AGI_EVENT_LOOP_THREADS = 0;
    public static final String AGI_PROMPTS_DIRECTORY = "/var/lib/hotline/prompts";
    public static final String AGI_MUSIC_CLASS = "hotline";
    public static final String AGI_HOLD_MUSIC_CLASS = "hotline-hold";
    public static final String AGI_AGENT_DIAL_STRING = "PJSIP/" + AgiConfig.WORK_NUMBER;
    public static final String AGI_AGENT_CONTEXT = "hotline-agent";
    public static final String AGI_TRANSFER_DIAL_STRING = "PJSIP/trunk/" + AgiConfig.URI;
    public static final String AGI_RECORDING_DIRECTORY = "/var/spool/asterisk/monitor/hotline";
    public static final String AGI_OUTBOUND_DIAL = "PJSIP/" + AgiConfig.NUMBER + "@trunk"; // rule R19
    public static final String AGI_MESSAGE_DIRECTORY = "/var/spool/asterisk/hotline-messages"; // rules R9, R19, R20
    public static final String AMI_HOST = "127.0.0.1";
    public static final int AMI_PORT = 5038;
    public static final String AMI_USERNAME = "hotline";

    public static final String RECORDING_DIRECTORY = "data/recordings";
    /** Rule R15: a quarter covers QA's weekly cycle and complaints' escalation (docs/configuration.md). */
    public static final RecordingRetention RECORDING_RETENTION = RecordingRetention.ofDays(90);
    /** Off-peak: the retention job's file deletions stay away from the hours calls are recorded. */
    public static final String RECORDING_RETENTION_RUNS_AT = "03:30";

    /**
     * The embedded database, created on first start under the data directory; WRITE_DELAY=0 writes
     * each commit through at once, so a killed server loses no committed record (rule R20).
     */
    public static final String STORE_JDBC_URL = "jdbc:h2:file:./data/hotline;WRITE_DELAY=0";
    public static final String STORE_USER = "hotline";
    public static final int STORE_POOL_SIZE = 4;
    public static final String STORE_SPOOL_DIRECTORY = "data/spool"; // rule R20
    public static final Duration STORE_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration STORE_RETRY_INTERVAL = Duration.ofSeconds(5);

    public static final int QA_SAMPLES_PER_AGENT_PER_WEEK = 3; // rule R14
    /** A site sets its own; the default only makes a fresh install reproducible. */
    public static final long QA_SEED = 14;
    /** The scoring sheet drawn from the service standards (rule R14), weights out of 100. */
    public static final List<QaConfig.Criterion> QA_SCORING_SHEET = List.of(
            new QaConfig.Criterion("greeting", "Standard greeting: the organisation named and help offered", 15, List.of("R2")),
            new QaConfig.Criterion("identification", "Work number given before the agent speaks", 10, List.of("R3")),
            new QaConfig.Criterion("listening", "Listened, confirmed the need, did not interrupt", 25, List.of()),
            new QaConfig.Criterion("forbidden-phrases", "No forbidden phrases (让您久等了; a transfer without R9's words)", 20,
                    List.of("R8", "R9")),
            new QaConfig.Criterion("hold-etiquette", "Hold announced, updated at 45 s, thanked after", 15, List.of("R7", "R8")),
            new QaConfig.Criterion("closing", "Standard closing; the agent did not hang up first", 15, List.of("R10")));

    public static final Duration SHORT_ABANDON_THRESHOLD = Duration.ofSeconds(5);
    public static final int ANSWER_RATE_TARGET_PERCENT = 90;

    public static final Duration QUEUE_CALLBACK_AFTER = Duration.ZERO; // rule R12: no offer unless configured

    public static final boolean TRUNK_ENABLED = false;
    public static final int TRUNK_PROXY_PORT = 5060;
    public static final String TRUNK_PROXY_TRANSPORT = "udp";
    public static final String TRUNK_CALLER_NAME = "";
    public static final boolean TRUNK_REGISTRATION = false; // static IP
    public static final Duration TRUNK_REGISTRATION_EXPIRES = Duration.ofHours(1);
    public static final Duration TRUNK_RING_TIMEOUT = Duration.ofSeconds(30);

    public static final String CALLBACK_KEY = "1"; // rule R12
    public static final String CALLBACK_CONFIRM_KEY = "1";
    public static final String CALLBACK_OTHER_KEY = "2";
    public static final Duration CALLBACK_INPUT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration CALLBACK_INITIAL_DELAY = Duration.ofSeconds(30);
    public static final int CALLBACK_MAX_ATTEMPTS = 3;
    public static final Duration CALLBACK_MIN_INTERVAL = Duration.ofMinutes(2);

    public static final boolean MESSAGES_ENABLED = true; // rules R9, R19, R20
    public static final String MESSAGES_KEY = "1";
    public static final String MESSAGES_DIRECTORY = "data/messages";
    public static final Duration MESSAGES_MAX_LENGTH = Duration.ofMinutes(2);
    public static final Duration MESSAGES_SILENCE = Duration.ofSeconds(5);

    public static final int OVERLOAD_MAX_CALLS = 0; // rule R20: no limit unless configured
    public static final OverloadConfig.Treatment OVERLOAD_TREATMENT = OverloadConfig.Treatment.MESSAGE;
    public static final Duration OVERLOAD_RETRY_AFTER = Duration.ofSeconds(60);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigDefaults() {
    }

    /** Writes the default of every absent key into {@code root}; present keys are left alone. */
    static void fill(ObjectNode root) {
        fillService(root);
        fillSip(root);
        fillRtp(root);
        ConfigTree.setIfAbsent(root, "http.bindAddress", text(HTTP_BIND_ADDRESS));
        ConfigTree.setIfAbsent(root, "http.port", NODES.numberNode(HTTP_PORT));
        ConfigTree.setIfAbsent(root, "prompts.directory", text(PROMPTS_DIRECTORY));
        fillIvr(root);
        fillHours(root);
        ConfigTree.setIfAbsent(root, "holidays.nationalHolidays", NODES.booleanNode(NATIONAL_HOLIDAYS));
        ConfigTree.setIfAbsent(root, "holidays.springFestivalDays", NODES.numberNode(SPRING_FESTIVAL_DAYS));
        ConfigTree.setIfAbsent(root, "holidays.extraDates", NODES.arrayNode());
        fillQueues(root);
        ConfigTree.setIfAbsent(root, "agents.realm", text(AGENTS_REALM));
        ConfigTree.setIfAbsent(root, "agents.members", NODES.arrayNode());
        ConfigTree.setIfAbsent(root, "agents.digestAlgorithms",
                NODES.arrayNode().addAll(AgentsConfig.KNOWN_DIGEST_ALGORITHMS.stream().map(ConfigDefaults::text).toList()));
        ConfigTree.setIfAbsent(root, "recording.directory", text(RECORDING_DIRECTORY));
        ConfigTree.setIfAbsent(root, "recording.retention", text(RECORDING_RETENTION.toString()));
        ConfigTree.setIfAbsent(root, "recording.retentionRunsAt", text(RECORDING_RETENTION_RUNS_AT));
        fillAgi(root);
        fillStore(root);
        fillQa(root);
        ConfigTree.setIfAbsent(root, "metrics.shortAbandonThreshold", duration(SHORT_ABANDON_THRESHOLD));
        ConfigTree.setIfAbsent(root, "metrics.answerRateTargetPercent", NODES.numberNode(ANSWER_RATE_TARGET_PERCENT));
        fillContinuity(root);
    }

    private static void fillAgi(ObjectNode root) {
        ConfigTree.setIfAbsent(root, "agi.enabled", NODES.booleanNode(AGI_ENABLED));
        ConfigTree.setIfAbsent(root, "agi.bindAddress", text(AGI_BIND_ADDRESS));
        ConfigTree.setIfAbsent(root, "agi.port", NODES.numberNode(AGI_PORT));
        ConfigTree.setIfAbsent(root, "agi.eventLoopThreads", NODES.numberNode(AGI_EVENT_LOOP_THREADS));
        ConfigTree.setIfAbsent(root, "agi.promptsDirectory", text(AGI_PROMPTS_DIRECTORY));
        ConfigTree.setIfAbsent(root, "agi.musicClasses", NODES.objectNode().put(MUSIC_ON_HOLD, AGI_MUSIC_CLASS));
        ConfigTree.setIfAbsent(root, "agi.holdMusicClass", text(AGI_HOLD_MUSIC_CLASS));
        ConfigTree.setIfAbsent(root, "agi.agentDialString", text(AGI_AGENT_DIAL_STRING));
        ConfigTree.setIfAbsent(root, "agi.agentContext", text(AGI_AGENT_CONTEXT));
        ConfigTree.setIfAbsent(root, "agi.transferDialString", text(AGI_TRANSFER_DIAL_STRING));
        ConfigTree.setIfAbsent(root, "agi.recordingDirectory", text(AGI_RECORDING_DIRECTORY));
        ConfigTree.setIfAbsent(root, "agi.ami.host", text(AMI_HOST));
        ConfigTree.setIfAbsent(root, "agi.ami.port", NODES.numberNode(AMI_PORT));
        ConfigTree.setIfAbsent(root, "agi.ami.username", text(AMI_USERNAME));
        ConfigTree.setIfAbsent(root, "agi.outboundDial", text(AGI_OUTBOUND_DIAL));
        ConfigTree.setIfAbsent(root, "agi.messageDirectory", text(AGI_MESSAGE_DIRECTORY));
    }

    private static void fillStore(ObjectNode root) {
        ConfigTree.setIfAbsent(root, "store.jdbcUrl", text(STORE_JDBC_URL));
        ConfigTree.setIfAbsent(root, "store.user", text(STORE_USER));
        ConfigTree.setIfAbsent(root, "store.password", text(""));
        ConfigTree.setIfAbsent(root, "store.poolSize", NODES.numberNode(STORE_POOL_SIZE));
        ConfigTree.setIfAbsent(root, "store.spoolDirectory", text(STORE_SPOOL_DIRECTORY));
        ConfigTree.setIfAbsent(root, "store.connectionTimeout", duration(STORE_CONNECTION_TIMEOUT));
        ConfigTree.setIfAbsent(root, "store.retryInterval", duration(STORE_RETRY_INTERVAL));
    }

    private static void fillQa(ObjectNode root) {
        ConfigTree.setIfAbsent(root, "qa.samplesPerAgentPerWeek", NODES.numberNode(QA_SAMPLES_PER_AGENT_PER_WEEK));
        ConfigTree.setIfAbsent(root, "qa.seed", NODES.numberNode(QA_SEED));
        if (!ConfigTree.has(root, "qa.scoringSheet")) {
            var sheet = NODES.arrayNode();
            for (QaConfig.Criterion criterion : QA_SCORING_SHEET) {
                ObjectNode entry = sheet.addObject();
                entry.put("id", criterion.id()).put("description", criterion.description()).put("weight", criterion.weight());
                entry.set("rules", list(criterion.rules()));
            }
            ConfigTree.set(root, "qa.scoringSheet", sheet);
        }
        ConfigTree.setIfAbsent(root, "qa.users", NODES.arrayNode());
    }

    /** Issue 8: the outbound trunk, callbacks (R12), messages and overload (R20). */
    private static void fillContinuity(ObjectNode root) {
        ConfigTree.setIfAbsent(root, "trunk.enabled", NODES.booleanNode(TRUNK_ENABLED));
        ConfigTree.setIfAbsent(root, "trunk.proxy.port", NODES.numberNode(TRUNK_PROXY_PORT));
        ConfigTree.setIfAbsent(root, "trunk.proxy.transport", text(TRUNK_PROXY_TRANSPORT));
        JsonNode proxyHost = root.path("trunk").path("proxy").path("host");
        if (proxyHost.isTextual()) {
            ConfigTree.setIfAbsent(root, "trunk.domain", proxyHost);
        }
        JsonNode numbers = root.path("service").path("numbers");
        if (numbers.isArray() && !numbers.isEmpty() && numbers.get(0).isTextual()) {
            ConfigTree.setIfAbsent(root, "trunk.callerId", numbers.get(0));
        }
        ConfigTree.setIfAbsent(root, "trunk.callerName", text(TRUNK_CALLER_NAME));
        ConfigTree.setIfAbsent(root, "trunk.auth.username", text(""));
        ConfigTree.setIfAbsent(root, "trunk.auth.password", text(""));
        ConfigTree.setIfAbsent(root, "trunk.registration.enabled", NODES.booleanNode(TRUNK_REGISTRATION));
        ConfigTree.setIfAbsent(root, "trunk.registration.expires", duration(TRUNK_REGISTRATION_EXPIRES));
        ConfigTree.setIfAbsent(root, "trunk.ringTimeout", duration(TRUNK_RING_TIMEOUT));
        ConfigTree.setIfAbsent(root, "callback.key", text(CALLBACK_KEY));
        ConfigTree.setIfAbsent(root, "callback.confirmKey", text(CALLBACK_CONFIRM_KEY));
        ConfigTree.setIfAbsent(root, "callback.otherKey", text(CALLBACK_OTHER_KEY));
        ConfigTree.setIfAbsent(root, "callback.inputTimeout", duration(CALLBACK_INPUT_TIMEOUT));
        ConfigTree.setIfAbsent(root, "callback.initialDelay", duration(CALLBACK_INITIAL_DELAY));
        ConfigTree.setIfAbsent(root, "callback.maxAttempts", NODES.numberNode(CALLBACK_MAX_ATTEMPTS));
        ConfigTree.setIfAbsent(root, "callback.minInterval", duration(CALLBACK_MIN_INTERVAL));
        ConfigTree.setIfAbsent(root, "messages.enabled", NODES.booleanNode(MESSAGES_ENABLED));
        ConfigTree.setIfAbsent(root, "messages.key", text(MESSAGES_KEY));
        ConfigTree.setIfAbsent(root, "messages.directory", text(MESSAGES_DIRECTORY));
        ConfigTree.setIfAbsent(root, "messages.maxLength", duration(MESSAGES_MAX_LENGTH));
        ConfigTree.setIfAbsent(root, "messages.silence", duration(MESSAGES_SILENCE));
        ConfigTree.setIfAbsent(root, "overload.maxCalls", NODES.numberNode(OVERLOAD_MAX_CALLS));
        ConfigTree.setIfAbsent(root, "overload.treatment", text(OVERLOAD_TREATMENT.toString()));
        ConfigTree.setIfAbsent(root, "overload.retryAfter", duration(OVERLOAD_RETRY_AFTER));
    }

    private static void fillService(ObjectNode root) {
        ConfigTree.setIfAbsent(root, "service.defaultLanguage", text(DEFAULT_LANGUAGE));
        ConfigTree.setIfAbsent(root, "service.languages", list(LANGUAGES));
        ConfigTree.setIfAbsent(root, "service.timeZone", text(TIME_ZONE));
    }

    private static void fillSip(ObjectNode root) {
        ConfigTree.setIfAbsent(root, "sip.bindAddress", text(SIP_BIND_ADDRESS));
        ConfigTree.setIfAbsent(root, "sip.port", NODES.numberNode(SIP_PORT));
        ConfigTree.setIfAbsent(root, "sip.transports", list(SIP_TRANSPORTS));
        JsonNode bind = root.path("sip").path("bindAddress");
        ConfigTree.setIfAbsent(root, "sip.advertisedAddress", bind.isMissingNode() ? text(SIP_BIND_ADDRESS) : bind);
        ConfigTree.setIfAbsent(root, "sip.ringDelay", text(DurationFormat.format(SIP_RING_DELAY)));
        ConfigTree.setIfAbsent(root, "sip.stackThreads", NODES.numberNode(SIP_STACK_THREADS));
    }

    private static void fillRtp(ObjectNode root) {
        ConfigTree.setIfAbsent(root, "rtp.bindAddress", text(RTP_BIND_ADDRESS));
        ConfigTree.setIfAbsent(root, "rtp.portMin", NODES.numberNode(RTP_PORT_MIN));
        ConfigTree.setIfAbsent(root, "rtp.portMax", NODES.numberNode(RTP_PORT_MAX));
        ConfigTree.setIfAbsent(root, "rtp.eventLoopThreads", NODES.numberNode(RTP_EVENT_LOOP_THREADS));
    }

    private static void fillIvr(ObjectNode root) {
        ConfigTree.setIfAbsent(root, "ivr.noInputTimeout", text(DurationFormat.format(NO_INPUT_TIMEOUT)));
        ConfigTree.setIfAbsent(root, "ivr.hangupAfterGoodbye", text(DurationFormat.format(HANGUP_AFTER_GOODBYE)));
        ConfigTree.setIfAbsent(root, "ivr.maxInvalidInputs", NODES.numberNode(MAX_INVALID_INPUTS));
        ConfigTree.setIfAbsent(root, "ivr.agentKey", text(AGENT_KEY));
    }

    /** Without weekly windows the hotline is 7x24 (rule R19); with them, alwaysOpen defaults to false. */
    private static void fillHours(ObjectNode root) {
        boolean hasWindows = ConfigTree.has(root, "hours.weekly");
        ConfigTree.setIfAbsent(root, "hours.alwaysOpen", NODES.booleanNode(!hasWindows));
        ConfigTree.setIfAbsent(root, "hours.weekly", NODES.arrayNode());
        ConfigTree.setIfAbsent(root, "hours.afterHours.action", text(AFTER_HOURS_ACTION.name()));
    }

    /** Each queue entry that is a section gets the policy defaults; anything else fails on binding. */
    private static void fillQueues(ObjectNode root) {
        JsonNode queues = root.path("queues");
        if (!queues.isArray()) {
            return;
        }
        for (JsonNode queue : queues) {
            if (queue instanceof ObjectNode entry) {
                ConfigTree.setIfAbsent(entry, "strategy", text(QUEUE_STRATEGY.toString()));
                ConfigTree.setIfAbsent(entry, "priority", NODES.numberNode(QUEUE_PRIORITY));
                ConfigTree.setIfAbsent(entry, "wrapUp", duration(QUEUE_WRAP_UP));
                ConfigTree.setIfAbsent(entry, "maxWait", duration(QUEUE_MAX_WAIT));
                ConfigTree.setIfAbsent(entry, "onMaxWait", text(QUEUE_ON_MAX_WAIT));
                ConfigTree.setIfAbsent(entry, "whenNoAgents", text(QUEUE_WHEN_NO_AGENTS.toString()));
                ConfigTree.setIfAbsent(entry, "serviceLevel.threshold", duration(SERVICE_LEVEL_THRESHOLD));
                ConfigTree.setIfAbsent(entry, "serviceLevel.targetPercent", NODES.numberNode(SERVICE_LEVEL_TARGET_PERCENT));
                ConfigTree.setIfAbsent(entry, "announceFirst", duration(ANNOUNCE_FIRST));
                ConfigTree.setIfAbsent(entry, "announceInterval", duration(ANNOUNCE_INTERVAL));
                ConfigTree.setIfAbsent(entry, "ringTimeout", duration(RING_TIMEOUT));
                ConfigTree.setIfAbsent(entry, "musicOnHold", text(MUSIC_ON_HOLD));
                ConfigTree.setIfAbsent(entry, "whisper", NODES.booleanNode(WHISPER));
                ConfigTree.setIfAbsent(entry, "recording", text(QUEUE_RECORDING.toString()));
                ConfigTree.setIfAbsent(entry, "callbackAfter", duration(QUEUE_CALLBACK_AFTER));
            }
        }
    }

    private static JsonNode duration(Duration value) {
        return text(DurationFormat.format(value));
    }

    private static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    private static JsonNode list(List<String> values) {
        var array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
