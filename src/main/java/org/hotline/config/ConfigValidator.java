package org.hotline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a bound {@link HotlineConfig} against the service standards and its own consistency
 * before anything starts; the first violation is thrown as a {@link ConfigException}. Prompt files
 * are checked later by the composition root, which knows where prompts live.
 */
final class ConfigValidator {

    static final int RTP_PORT_FLOOR = 1024;
    static final int PORT_CEILING = 65535;
    static final Set<String> TRANSPORTS = Set.of("udp", "tcp");
    /** Longer than this, a hang-up in a queue is a real abandon, never a short one. */
    static final Duration SHORT_ABANDON_LIMIT = Duration.ofSeconds(30);
    /** The shortest {@code recording.retention}: QA's week to sample and a week to score (rules R14, R15). */
    static final Duration MIN_RETENTION = Duration.ofDays(14);

    private final String source;

    ConfigValidator(String source) {
        this.source = source;
    }

    void validate(HotlineConfig config) {
        checkService(require(config.service(), "service"));
        checkSip(require(config.sip(), "sip"));
        checkRtp(require(config.rtp(), "rtp"));
        checkHttp(require(config.http(), "http"));
        require(require(config.prompts(), "prompts").directory(), "prompts.directory");
        Set<String> queues = new QueueValidator(this).check(require(config.queues(), "queues"));
        checkIvr(require(config.ivr(), "ivr"), queues, config.service().languages());
        checkHours(require(config.hours(), "hours"));
        checkHolidays(require(config.holidays(), "holidays"));
        new AgentValidator(this, queues, config.service().numbers()).check(require(config.agents(), "agents"));
        new AgiValidator(this).check(require(config.agi(), "agi"), config.queues());
        checkRecording(require(config.recording(), "recording"));
        new StoreValidator(this).check(require(config.store(), "store"));
        new StoreValidator(this).check(require(config.qa(), "qa"));
        checkMetrics(require(config.metrics(), "metrics"), config.queues());
        new ContinuityValidator(this).check(config);
    }

    /**
     * Rule R14: recordings need a place; each queue's policy was checked when it was read. Rule R15:
     * a retention shorter than {@link #MIN_RETENTION} would delete calls before a week's QA sample is
     * scored or a complaint about them is flagged.
     */
    private void checkRecording(RecordingConfig recording) {
        Path directory = require(recording.directory(), "recording.directory");
        if (directory.toString().isBlank()) {
            throw fail("recording.directory", "must name a directory");
        }
        RecordingRetention retention = require(recording.retention(), "recording.retention");
        if (!retention.forever() && retention.period().compareTo(MIN_RETENTION) < 0) {
            throw fail("recording.retention", retention + " is shorter than " + MIN_RETENTION.toDays()
                    + "d: a week to sample and a week to score or flag a complaint (rules R14, R15); write forever to keep all");
        }
        require(recording.retentionRunsAt(), "recording.retentionRunsAt");
    }

    /**
     * A short abandon is a caller who hung up almost at once (docs/metrics.md); one who waited as long as a
     * queue's service-level threshold gave up on the service and must count in it.
     */
    private void checkMetrics(MetricsConfig metrics, List<QueueConfig> queues) {
        Duration shortAbandon = require(metrics.shortAbandonThreshold(), "metrics.shortAbandonThreshold");
        if (shortAbandon.isNegative() || shortAbandon.compareTo(SHORT_ABANDON_LIMIT) > 0) {
            throw fail("metrics.shortAbandonThreshold", DurationFormat.format(shortAbandon) + " must be 0s-"
                    + DurationFormat.format(SHORT_ABANDON_LIMIT)
                    + ": a caller who waited longer gave up on a real wait");
        }
        for (QueueConfig queue : queues) {
            Duration threshold = queue.serviceLevel().threshold();
            if (shortAbandon.compareTo(threshold) >= 0) {
                throw fail("metrics.shortAbandonThreshold", DurationFormat.format(shortAbandon) + " must be below queue "
                        + queue.name() + "'s serviceLevel.threshold " + DurationFormat.format(threshold)
                        + ", or callers who gave up within it would vanish from its service level");
            }
        }
        if (metrics.answerRateTargetPercent() < 1 || metrics.answerRateTargetPercent() > 100) {
            throw fail("metrics.answerRateTargetPercent", metrics.answerRateTargetPercent() + " must be 1-100 (%)");
        }
    }

    private void checkHttp(HttpConfig http) {
        requireText(http.bindAddress(), "http.bindAddress");
        if (http.port() < 0 || http.port() > PORT_CEILING) {
            throw fail("http.port", http.port() + " is not a port (0-" + PORT_CEILING + ", 0 picks a free one)");
        }
    }

    private void checkService(ServiceConfig service) {
        List<String> numbers = require(service.numbers(), "service.numbers");
        if (numbers.isEmpty()) {
            throw fail("service.numbers", "at least one number is needed, or every call gets 404");
        }
        for (int i = 0; i < numbers.size(); i++) {
            requireText(numbers.get(i), "service.numbers[" + i + "]");
        }
        List<String> languages = require(service.languages(), "service.languages");
        if (languages.isEmpty()) {
            throw fail("service.languages", "at least one language is needed (rule R6)");
        }
        for (int i = 0; i < languages.size(); i++) {
            requireText(languages.get(i), "service.languages[" + i + "]");
        }
        String language = requireText(service.defaultLanguage(), "service.defaultLanguage");
        if (!languages.contains(language)) {
            throw fail("service.defaultLanguage", language + " is not in service.languages " + languages + " (rule R6)");
        }
        require(service.timeZone(), "service.timeZone");
    }

    private void checkSip(SipConfig sip) {
        requireText(sip.bindAddress(), "sip.bindAddress");
        requireText(sip.advertisedAddress(), "sip.advertisedAddress");
        if (sip.port() < 1 || sip.port() > PORT_CEILING) {
            throw fail("sip.port", sip.port() + " is not a port (1-" + PORT_CEILING + ")");
        }
        List<String> transports = require(sip.transports(), "sip.transports");
        if (transports.isEmpty() || !transports.stream().allMatch(t -> t != null && TRANSPORTS.contains(t))) {
            throw fail("sip.transports", transports + " must list one or both of udp, tcp");
        }
        Duration ringDelay = require(sip.ringDelay(), "sip.ringDelay");
        if (!ringDelay.isPositive()) {
            throw fail("sip.ringDelay", "must be more than 0s: callers hear at least one ring (rule R1)");
        }
        if (ringDelay.compareTo(SipConfig.THREE_RING_LIMIT) > 0) {
            throw fail("sip.ringDelay", DurationFormat.format(ringDelay) + " exceeds the three-ring limit of "
                    + DurationFormat.format(SipConfig.THREE_RING_LIMIT) + " (rule R1)");
        }
        if (sip.stackThreads() < 1) {
            throw fail("sip.stackThreads", "must be at least 1");
        }
    }

    private void checkRtp(RtpConfig rtp) {
        requireText(rtp.bindAddress(), "rtp.bindAddress");
        checkRtpPort(rtp.portMin(), "rtp.portMin");
        checkRtpPort(rtp.portMax(), "rtp.portMax");
        if (rtp.portMin() % 2 != 0) {
            throw fail("rtp.portMin", rtp.portMin() + " is odd: RTP takes the even port of each pair (RFC 3550 §11)");
        }
        if (rtp.portMin() >= rtp.portMax()) {
            throw fail("rtp.portMax", rtp.portMax() + " must be above rtp.portMin " + rtp.portMin());
        }
        if (rtp.eventLoopThreads() < 0) {
            throw fail("rtp.eventLoopThreads", "must be 0 (one per core) or more");
        }
    }

    private void checkRtpPort(int port, String key) {
        if (port < RTP_PORT_FLOOR || port > PORT_CEILING) {
            throw fail(key, port + " is outside " + RTP_PORT_FLOOR + "-" + PORT_CEILING);
        }
    }

    private void checkIvr(IvrConfig ivr, Set<String> queues, List<String> languages) {
        requirePositive(ivr.noInputTimeout(), "ivr.noInputTimeout", "rule R5");
        requirePositive(ivr.hangupAfterGoodbye(), "ivr.hangupAfterGoodbye", "rule R5");
        if (ivr.maxInvalidInputs() < 1) {
            throw fail("ivr.maxInvalidInputs", "must be at least 1");
        }
        String agentKey = requireText(ivr.agentKey(), "ivr.agentKey");
        if (!MenuValidator.isKey(agentKey) || agentKey.equals(MenuValidator.BACK_KEY)) {
            throw fail("ivr.agentKey", "\"" + agentKey + "\" must be one key from 0-9 or # (* is back, rule R4)");
        }
        String agentQueue = requireText(ivr.agentQueue(), "ivr.agentQueue");
        if (!queues.contains(agentQueue)) {
            throw fail("ivr.agentQueue", "no queue named " + agentQueue + " in queues");
        }
        new MenuValidator(this, agentKey, queues, Set.copyOf(languages)).check(require(ivr.menu(), "ivr.menu"), "ivr.menu");
    }

    private void checkHours(HoursConfig hours) {
        List<HoursConfig.Window> weekly = require(hours.weekly(), "hours.weekly");
        if (!hours.alwaysOpen() && weekly.isEmpty()) {
            throw fail("hours.weekly", "no service hours: list weekly windows or set hours.alwaysOpen: true (rule R19)");
        }
        if (hours.alwaysOpen() && !weekly.isEmpty()) {
            throw fail("hours.alwaysOpen", "true, yet weekly windows are listed: choose one (rule R19)");
        }
        for (int i = 0; i < weekly.size(); i++) {
            checkWindow(weekly.get(i), "hours.weekly[" + i + "]");
        }
        HoursConfig.AfterHours afterHours = require(hours.afterHours(), "hours.afterHours");
        require(afterHours.action(), "hours.afterHours.action");
        checkForwardUri(afterHours);
    }

    private void checkWindow(HoursConfig.Window window, String key) {
        require(window, key);
        if (require(window.days(), key + ".days").isEmpty()) {
            throw fail(key + ".days", "list at least one day, e.g. [MONDAY, TUESDAY]");
        }
        require(window.from(), key + ".from");
        require(window.to(), key + ".to");
        if (!window.from().isBefore(window.to())) {
            throw fail(key + ".to", window.to() + " must be after from " + window.from() + " (windows do not span midnight)");
        }
    }

    private void checkForwardUri(HoursConfig.AfterHours afterHours) {
        String uri = afterHours.forwardUri();
        boolean forward = afterHours.action() == HoursConfig.AfterHours.Action.FORWARD;
        if (forward && (uri == null || !(uri.startsWith("sip:") || uri.startsWith("sips:") || uri.startsWith("tel:")))) {
            throw fail("hours.afterHours.forwardUri", "FORWARD needs a sip: URI of the on-call line, or a tel: number"
                    + " dialled through the trunk (rule R19)");
        }
        if (!forward && uri != null) {
            throw fail("hours.afterHours.forwardUri", "is only used with action FORWARD; the action is " + afterHours.action());
        }
    }

    private void checkHolidays(HolidaysConfig holidays) {
        if (holidays.springFestivalDays() < 1 || holidays.springFestivalDays() > 15) {
            throw fail("holidays.springFestivalDays", holidays.springFestivalDays()
                    + " must be 1-15: 春节 runs from lunar 1/1 to 元宵 on 1/15 (rule R2)");
        }
        if (require(holidays.extraDates(), "holidays.extraDates").stream().anyMatch(Objects::isNull)) {
            throw fail("holidays.extraDates", "contains an empty date");
        }
    }

    private void requirePositive(Duration duration, String key, String rule) {
        if (!require(duration, key).isPositive()) {
            throw fail(key, "must be more than 0s (" + rule + ")");
        }
    }

    <T> T require(T value, String key) {
        if (value == null) {
            throw fail(key, "missing");
        }
        return value;
    }

    String requireText(String value, String key) {
        if (require(value, key).isBlank()) {
            throw fail(key, "must not be empty");
        }
        return value;
    }

    ConfigException fail(String key, String reason) {
        return new ConfigException(source, key, reason);
    }
}
