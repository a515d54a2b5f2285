package org.hotline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hotline.call.CallInfo;
import org.hotline.call.EndReason;

/**
 * The one catalog of Hotline's metrics: every meter's name, unit, description and tag keys (the
 * {@link Meter} table below; docs/metrics.md documents each row; the histogram buckets are in
 * {@link Buckets}), and the typed
 * methods the listeners and hooks record through. Tag values are bounded here: a queue not in the
 * configuration is {@code other}, a SIP method not in {@link #SIP_METHODS} is {@code OTHER}, a status
 * code outside 100-699 {@code other}. Every configured queue's meters exist from the start (at 0), so
 * Prometheus sees the first event of each as an increase.
 *
 * <p>Threading: any method from any thread; Micrometer's meters are thread-safe and do not block.
 */
public final class MetricsCatalog {

    /** The {@code queue} value of a queue that is not in the configuration. */
    public static final String OTHER_QUEUE = "other";
    public static final Set<String> SIP_METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO",
            "NOTIFY", "REFER", "REGISTER", "SUBSCRIBE", "MESSAGE", "UPDATE", "PRACK", "PUBLISH");

    private final MeterRegistry registry;
    private final Map<String, QueueTarget> queues;
    private final List<Duration> queueWaitBuckets;
    private final AtomicInteger qaAgentsUnderSampled = new AtomicInteger();

    public MetricsCatalog(MeterRegistry registry, MetricsSettings settings) {
        this.registry = registry;
        this.queues = Collections.unmodifiableMap(settings.byQueue());
        this.queueWaitBuckets = Buckets.queueWait(settings);
        registerAtZero();
    }

    /** The registry the meters live in (JVM binders and tests use it). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The configured queues' targets, in configured order. */
    public Map<String, QueueTarget> queues() {
        return queues;
    }

    // --- calls and the IVR

    public void callOffered(String front) {
        counter(Meter.CALLS_OFFERED, Tags.of("front", lower(front))).increment();
    }

    public void callEnded(EndReason reason) {
        counter(Meter.CALLS_ENDED, Tags.of("reason", lower(reason.name()))).increment();
    }

    /** Rule R1: ringing start to the IVR's answer. */
    public void ivrAnswered(Duration delay) {
        timer(Meter.IVR_ANSWER_DELAY, Tags.empty(), Buckets.IVR_ANSWER).record(delay);
    }

    // --- queues

    public void queueEntered(String queue) {
        counter(Meter.QUEUE_ENTERED, queueTag(queue)).increment();
    }

    /** A stay in {@code queue} ended; {@code waited} runs from the caller's first entry into the ACD. */
    public void queueOutcome(String queue, QueueOutcome outcome, Duration waited) {
        Tags tags = queueTag(queue).and("outcome", outcome.tag());
        counter(Meter.QUEUE_CALLS, tags).increment();
        timer(Meter.QUEUE_WAIT, tags, queueWaitBuckets).record(waited);
    }

    /** An answer within the queue's service-level threshold X (the numerator of the service level). */
    public void queueAnsweredWithinThreshold(String queue) {
        counter(Meter.QUEUE_ANSWERED_WITHIN_THRESHOLD, queueTag(queue)).increment();
    }

    // --- agents

    public void agentsOffered(String queue, int phones) {
        counter(Meter.AGENT_OFFERS, queueTag(queue)).increment(phones);
    }

    /** Rule R1: three rings without answer. */
    public void agentMissedOffer(String queue) {
        counter(Meter.AGENT_MISSED_OFFERS, queueTag(queue)).increment();
    }

    public void agentDeclinedOffer(String queue) {
        counter(Meter.AGENT_DECLINED_OFFERS, queueTag(queue)).increment();
    }

    public void agentTalk(String queue, Duration talked) {
        timer(Meter.AGENT_TALK, queueTag(queue), Buckets.TALK).record(talked);
    }

    public void agentHold(String queue, Duration held) {
        timer(Meter.AGENT_HOLD, queueTag(queue), Buckets.HOLD).record(held);
    }

    /** One answered call's wrap-up and its handle time (talk plus wrap-up). */
    public void agentCallHandled(String queue, Duration talked, Duration wrapUp) {
        timer(Meter.AGENT_WRAP_UP, queueTag(queue), Buckets.WRAP_UP).record(wrapUp);
        timer(Meter.AGENT_HANDLE, queueTag(queue), Buckets.TALK).record(talked.plus(wrapUp));
    }

    /** {@code rule}: {@code R16} or {@code R17}. */
    public void agentRuleAlert(String rule) {
        counter(Meter.AGENT_RULE_ALERTS, Tags.of("rule", rule)).increment();
    }

    public void agentStatusRefused(String requestedStatus, String reason) {
        counter(Meter.AGENT_STATUS_REFUSED, Tags.of("status", lower(requestedStatus), "reason", lower(reason)))
                .increment();
    }

    /** {@code reason}: {@code requested} (rule R17) or {@code fatigue} (rule R18). */
    public void agentBreak(String reason) {
        counter(Meter.AGENT_BREAKS, Tags.of("reason", reason)).increment();
    }

    // --- after the call

    /** Rule R11: a score of 1-5. */
    public void surveyScore(String queue, int score) {
        summary(Meter.SURVEY_SCORE, queueTag(queue), Buckets.SURVEY).record(score);
    }

    /** Hook for call recording (issue 4): a recording was written completely. */
    public void recordingWritten() {
        counter(Meter.RECORDINGS_WRITTEN, Tags.empty()).increment();
    }

    /** Hook for call recording (issue 4): a recording could not be written (log the call id beside it). */
    public void recordingFailed() {
        counter(Meter.RECORDINGS_FAILED, Tags.empty()).increment();
    }

    /** Hook for QA sampling (issue 4, rule R14): agents with fewer than 3 sampled calls this week, now. */
    public void qaAgentsUnderSampled(int agents) {
        if (agents < 0) {
            throw new IllegalArgumentException("a count of agents cannot be negative: " + agents);
        }
        qaAgentsUnderSampled.set(agents);
    }

    // --- never drop a caller (issue 8)

    /** Rule R20: {@code treatment} BUSY_MESSAGE or REJECT. */
    public void callRefused(String treatment) {
        counter(Meter.CALLS_REFUSED, Tags.of("treatment", lower(treatment))).increment();
    }

    /** Rule R12: a callback's step (offered, requested, merged, completed, gave_up). */
    public void callback(String queue, String step) {
        counter(Meter.CALLBACKS, queueTag(queue).and("step", lower(step))).increment();
    }

    public void callbackAttempt(String queue, String result) {
        counter(Meter.CALLBACK_ATTEMPTS, queueTag(queue).and("result", lower(result))).increment();
    }

    public void messageLeft(String endedBy) {
        counter(Meter.MESSAGES_LEFT, Tags.of("ended_by", lower(endedBy))).increment();
    }

    // --- signalling and media

    /** {@code direction}: {@code in} or {@code out}. */
    public void sipRequest(String method, String direction) {
        counter(Meter.SIP_REQUESTS, Tags.of("method", sipMethod(method), "direction", direction)).increment();
    }

    public void sipResponse(String method, int code, String direction) {
        String codeTag = code >= 100 && code <= 699 ? Integer.toString(code) : "other";
        counter(Meter.SIP_RESPONSES, Tags.of("method", sipMethod(method), "code", codeTag, "direction", direction))
                .increment();
    }

    /** A closed RTP session's totals; {@code dropped} by reason tag. */
    public void rtpSessionClosed(long received, long sent, long lost, Map<String, Long> dropped) {
        counter(Meter.RTP_PACKETS_RECEIVED, Tags.empty()).increment(received);
        counter(Meter.RTP_PACKETS_SENT, Tags.empty()).increment(sent);
        counter(Meter.RTP_PACKETS_LOST, Tags.empty()).increment(lost);
        dropped.forEach((reason, count) ->
                counter(Meter.RTP_PACKETS_DROPPED, Tags.of("reason", reason)).increment(count));
    }

    /** A closed RTP session's final jitter and loss (‰ of the packets expected). */
    public void rtpSessionQuality(Duration jitter, double lossPerMille) {
        timer(Meter.RTP_SESSION_JITTER, Tags.empty(), Buckets.JITTER).record(jitter);
        summary(Meter.RTP_SESSION_LOSS, Tags.empty(), Buckets.LOSS_PER_MILLE).record(lossPerMille);
    }

    /** Registers a gauge read at each scrape; {@code value} must be fast, thread-safe and never block. */
    public void gauge(Meter meter, Tags tags, Supplier<Number> value) {
        if (meter.kind() != Meter.Kind.GAUGE) {
            throw new IllegalArgumentException(meter + " is not a gauge");
        }
        Gauge.builder(meter.meterName(), value).description(meter.description()).baseUnit(unit(meter)).tags(tags)
                .strongReference(true).register(registry);
    }

    /** The {@code queue} tag: the configured name, or {@link #OTHER_QUEUE}. */
    public Tags queueTag(String queue) {
        return Tags.of("queue", queues.containsKey(queue) ? queue : OTHER_QUEUE);
    }

    // --- registration

    private void registerAtZero() {
        timer(Meter.IVR_ANSWER_DELAY, Tags.empty(), Buckets.IVR_ANSWER);
        for (CallInfo.Front front : CallInfo.Front.values()) {
            counter(Meter.CALLS_OFFERED, Tags.of("front", lower(front.name())));
        }
        for (EndReason reason : EndReason.values()) {
            counter(Meter.CALLS_ENDED, Tags.of("reason", lower(reason.name())));
        }
        for (QueueTarget target : queues.values()) {
            registerQueue(target);
        }
        List.of("R16", "R17").forEach(rule -> counter(Meter.AGENT_RULE_ALERTS, Tags.of("rule", rule)));
        List.of("requested", "fatigue").forEach(reason -> counter(Meter.AGENT_BREAKS, Tags.of("reason", reason)));
        counter(Meter.RECORDINGS_WRITTEN, Tags.empty());
        counter(Meter.RECORDINGS_FAILED, Tags.empty());
        List.of("busy_message", "reject").forEach(treatment -> counter(Meter.CALLS_REFUSED, Tags.of("treatment", treatment)));
        List.of("hash", "silence", "max_length", "hangup")
                .forEach(end -> counter(Meter.MESSAGES_LEFT, Tags.of("ended_by", end)));
        gauge(Meter.QA_AGENTS_UNDER_SAMPLED, Tags.empty(), qaAgentsUnderSampled::get);
        counter(Meter.RTP_PACKETS_RECEIVED, Tags.empty());
        counter(Meter.RTP_PACKETS_SENT, Tags.empty());
        counter(Meter.RTP_PACKETS_LOST, Tags.empty());
        timer(Meter.RTP_SESSION_JITTER, Tags.empty(), Buckets.JITTER);
        summary(Meter.RTP_SESSION_LOSS, Tags.empty(), Buckets.LOSS_PER_MILLE);
    }

    private void registerQueue(QueueTarget target) {
        Tags queue = Tags.of("queue", target.queue());
        counter(Meter.QUEUE_ENTERED, queue);
        for (QueueOutcome outcome : QueueOutcome.values()) {
            counter(Meter.QUEUE_CALLS, queue.and("outcome", outcome.tag()));
            timer(Meter.QUEUE_WAIT, queue.and("outcome", outcome.tag()), queueWaitBuckets);
        }
        counter(Meter.QUEUE_ANSWERED_WITHIN_THRESHOLD, queue);
        List.of("offered", "requested", "merged", "completed", "gave_up")
                .forEach(step -> counter(Meter.CALLBACKS, queue.and("step", step))); // rule R12
        List.of("answered", "busy", "no_answer", "failed", "cancelled", "agent_gone")
                .forEach(result -> counter(Meter.CALLBACK_ATTEMPTS, queue.and("result", result)));
        counter(Meter.AGENT_OFFERS, queue);
        counter(Meter.AGENT_MISSED_OFFERS, queue);
        counter(Meter.AGENT_DECLINED_OFFERS, queue);
        timer(Meter.AGENT_TALK, queue, Buckets.TALK);
        timer(Meter.AGENT_HOLD, queue, Buckets.HOLD);
        timer(Meter.AGENT_WRAP_UP, queue, Buckets.WRAP_UP);
        timer(Meter.AGENT_HANDLE, queue, Buckets.TALK);
        summary(Meter.SURVEY_SCORE, queue, Buckets.SURVEY);
        gauge(Meter.QUEUE_SERVICE_LEVEL_THRESHOLD, queue, () -> seconds(target.serviceLevelThreshold()));
        gauge(Meter.QUEUE_SERVICE_LEVEL_TARGET, queue, () -> target.serviceLevelPercent() / 100.0);
        gauge(Meter.QUEUE_ANSWER_RATE_TARGET, queue, () -> target.answerRatePercent() / 100.0);
        gauge(Meter.QUEUE_MAX_WAIT, queue, () -> seconds(target.maxWait()));
    }

    private Counter counter(Meter meter, Tags tags) {
        return Counter.builder(meter.meterName()).description(meter.description()).tags(tags).register(registry);
    }

    private Timer timer(Meter meter, Tags tags, List<Duration> buckets) {
        return Timer.builder(meter.meterName()).description(meter.description()).tags(tags)
                .serviceLevelObjectives(Buckets.array(buckets)).register(registry);
    }

    private DistributionSummary summary(Meter meter, Tags tags, List<Double> buckets) {
        return DistributionSummary.builder(meter.meterName()).description(meter.description()).baseUnit(unit(meter))
                .tags(tags).serviceLevelObjectives(Buckets.values(buckets)).register(registry);
    }

    private static String unit(Meter meter) {
        return meter.baseUnit().isEmpty() ? null : meter.baseUnit();
    }

    private static String sipMethod(String method) {
        String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
        return SIP_METHODS.contains(upper) ? upper : "OTHER";
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    public enum Meter {

        // --- calls and the IVR
        CALLS_OFFERED("hotline.calls.offered", Kind.COUNTER, "",
                "Calls that reached a hotline number and started ringing", "front"),
        CALLS_ENDED("hotline.calls.ended", Kind.COUNTER, "", "Calls ended, by why they ended", "reason"),
        CALLS_ACTIVE("hotline.calls.active", Kind.GAUGE, "", "Calls between their INVITE and their end"),
        IVR_ANSWER_DELAY("hotline.ivr.answer.delay", Kind.TIMER, "seconds",
                "Ringing start to the IVR's answer; the 10 s bucket is rule R1's three-ring limit"),

        // --- queues (the ACD's callers)
        QUEUE_ENTERED("hotline.queue.entered", Kind.COUNTER, "",
                "Callers who joined the queue from the menu or an agent's transfer (not overflows in)", "queue"),
        QUEUE_CALLS("hotline.queue.calls", Kind.COUNTER, "",
                "Callers whose stay in the queue ended, by outcome (offered: answered, abandoned, timed_out, no_agents)",
                "queue", "outcome"),
        QUEUE_ANSWERED_WITHIN_THRESHOLD("hotline.queue.answered.within.threshold", Kind.COUNTER, "",
                "Answered callers who waited at most the queue's service-level threshold X", "queue"),
        QUEUE_WAIT("hotline.queue.wait", Kind.TIMER, "seconds",
                "Wait from first joining the ACD to the stay's outcome; buckets include each queue's X and 45 s (R7)",
                "queue", "outcome"),
        QUEUE_WAITING_CALLERS("hotline.queue.waiting.callers", Kind.GAUGE, "",
                "Callers in the queue now, ringing ones included", "queue"),
        QUEUE_OLDEST_WAIT("hotline.queue.oldest.wait", Kind.GAUGE, "seconds",
                "Longest current wait since first joining the ACD, 0 when nobody waits", "queue"),
        QUEUE_OLDEST_WAIT_IN_QUEUE("hotline.queue.oldest.wait.in.queue", Kind.GAUGE, "seconds",
                "Longest current wait since joining this queue (or overflowing into it), as the maximum wait counts",
                "queue"),
        QUEUE_SERVICE_LEVEL_THRESHOLD("hotline.queue.service.level.threshold", Kind.GAUGE, "seconds",
                "The queue's service-level threshold X", "queue"),
        QUEUE_SERVICE_LEVEL_TARGET("hotline.queue.service.level.target", Kind.GAUGE, "ratio",
                "The queue's service-level target Y, as a ratio", "queue"),
        QUEUE_ANSWER_RATE_TARGET("hotline.queue.answer.rate.target", Kind.GAUGE, "ratio",
                "The answer rate the queue should reach (metrics.answerRateTargetPercent), as a ratio", "queue"),
        QUEUE_MAX_WAIT("hotline.queue.max.wait", Kind.GAUGE, "seconds",
                "The queue's maximum wait before overflow or rule R9's failure path", "queue"),
        QUEUE_AGENTS("hotline.queue.agents", Kind.GAUGE, "",
                "Agents serving the queue, by status and state", "queue", "status", "state"),

        // --- agents
        AGENTS("hotline.agents", Kind.GAUGE, "", "Agents, by status and state (each agent once)", "status", "state"),
        AGENT_OFFERS("hotline.agent.offers", Kind.COUNTER, "",
                "Agents' phones rung for a caller of the queue (ring-all: one per phone)", "queue"),
        AGENT_MISSED_OFFERS("hotline.agent.missed.offers", Kind.COUNTER, "",
                "Offers not answered within the ring timeout, three rings (R1); the agent was set not ready", "queue"),
        AGENT_DECLINED_OFFERS("hotline.agent.declined.offers", Kind.COUNTER, "",
                "Offers the agent's phone declined (busy, decline, unreachable)", "queue"),
        AGENT_TALK("hotline.agent.talk", Kind.TIMER, "seconds",
                "Connect to the end of the conversation, holds included; 35 min (R13) is a bucket", "queue"),
        AGENT_HOLD("hotline.agent.hold", Kind.TIMER, "seconds",
                "Each hold, from hold to resume or to the call's end; the 45 s bucket is rule R7's", "queue"),
        AGENT_WRAP_UP("hotline.agent.wrapup", Kind.TIMER, "seconds", "After-call work after each call", "queue"),
        AGENT_HANDLE("hotline.agent.handle", Kind.TIMER, "seconds",
                "Handle time of each answered call: talk (holds included) plus wrap-up", "queue"),
        AGENT_RULE_ALERTS("hotline.agent.rule.alerts", Kind.COUNTER, "",
                "Agent rule limits reached: R16 not ready 15 min, R17 a break of 10 min", "rule"),
        AGENT_STATUS_REFUSED("hotline.agent.status.refused", Kind.COUNTER, "",
                "Status requests refused (R17: breaks_per_day_reached, concurrent_breaks_reached; R18 ...)",
                "status", "reason"),
        AGENT_BREAKS("hotline.agent.breaks", Kind.COUNTER, "",
                "Breaks begun: requested (R17) or imposed after 3 h of service (fatigue, R18)", "reason"),

        // --- after the call
        SURVEY_SCORE("hotline.survey.score", Kind.SUMMARY, "",
                "Satisfaction scores callers gave after the agent left (R11), 1-5", "queue"),
        RECORDINGS_WRITTEN("hotline.recordings.written", Kind.COUNTER, "", "Call recordings written (R14, R15)"),
        RECORDINGS_FAILED("hotline.recordings.failed", Kind.COUNTER, "", "Call recordings that could not be written"),
        QA_AGENTS_UNDER_SAMPLED("hotline.qa.agents.under.sampled", Kind.GAUGE, "",
                "Agents with fewer than 3 QA-sampled calls this week (R14)"),

        // --- never drop a caller (issue 8)
        CALLS_REFUSED("hotline.calls.refused", Kind.COUNTER, "",
                "Calls past overload.maxCalls (R20), by treatment: busy_message (answered, told to call back) or reject (503)",
                "treatment"),
        CALLBACKS("hotline.callbacks", Kind.COUNTER, "",
                "Queued callbacks (R12) by step: offered, requested, merged (same number), completed, gave_up", "queue",
                "step"),
        CALLBACK_ATTEMPTS("hotline.callback.attempts", Kind.COUNTER, "",
                "Callback dialling attempts after the agent was connected, by result: answered, busy, no_answer, failed,"
                        + " cancelled, agent_gone", "queue", "result"),
        MESSAGES_LEFT("hotline.messages.left", Kind.COUNTER, "",
                "Messages callers left (R9, R19, R20), by what ended them: hash, silence, max_length, hangup", "ended_by"),

        // --- signalling and media
        SIP_REQUESTS("hotline.sip.requests", Kind.COUNTER, "",
                "SIP requests Hotline received (in) or sent (out)", "method", "direction"),
        SIP_RESPONSES("hotline.sip.responses", Kind.COUNTER, "",
                "SIP responses Hotline received (in) or sent (out), by the CSeq method", "method", "code", "direction"),
        RTP_SESSIONS_ACTIVE("hotline.rtp.sessions.active", Kind.GAUGE, "", "RTP sessions (port pairs) in use"),
        RTP_PACKETS_RECEIVED("hotline.rtp.packets.received", Kind.COUNTER, "",
                "RTP packets received from the peer, counted when their session closes"),
        RTP_PACKETS_SENT("hotline.rtp.packets.sent", Kind.COUNTER, "",
                "RTP packets sent, own and relayed, counted when their session closes"),
        RTP_PACKETS_LOST("hotline.rtp.packets.lost", Kind.COUNTER, "",
                "Inbound RTP packets lost (RFC 3550 A.3), counted when their session closes"),
        RTP_PACKETS_DROPPED("hotline.rtp.packets.dropped", Kind.COUNTER, "",
                "Inbound datagrams dropped or relayed packets not sent, by reason, counted when their session closes",
                "reason"),
        RTP_SESSION_JITTER("hotline.rtp.session.jitter", Kind.TIMER, "seconds",
                "Interarrival jitter (RFC 3550 A.8) of each session's inbound audio when it closed"),
        RTP_SESSION_LOSS("hotline.rtp.session.loss", Kind.SUMMARY, "permille",
                "Inbound packets each session lost, per mille of those expected, when it closed"),
        RTP_OPEN_JITTER_MAX("hotline.rtp.open.sessions.jitter.max", Kind.GAUGE, "seconds",
                "Largest interarrival jitter among the open sessions now"),
        RTP_OPEN_PACKETS_LOST("hotline.rtp.open.sessions.packets.lost", Kind.GAUGE, "",
                "Inbound packets lost so far in the open sessions"),
        COMPONENT_UP("hotline.component.up", Kind.GAUGE, "",
                "1 when the component works (sip, rtp, acd), else 0; /health says why", "component");

        /** How a meter is exported; the Prometheus suffixes follow from it. */
        public enum Kind { COUNTER, GAUGE, TIMER, SUMMARY }

        private final String meterName;
        private final Kind kind;
        private final String baseUnit;
        private final String description;
        private final List<String> tagKeys;

        Meter(String meterName, Kind kind, String baseUnit, String description, String... tagKeys) {
            this.meterName = meterName;
            this.kind = kind;
            this.baseUnit = baseUnit;
            this.description = description;
            this.tagKeys = List.of(tagKeys);
        }

        /** Micrometer's dotted name. */
        public String meterName() {
            return meterName;
        }

        public Kind kind() {
            return kind;
        }

        /** The base unit ({@code seconds}, {@code ratio}) or empty. */
        public String baseUnit() {
            return baseUnit;
        }

        public String description() {
            return description;
        }

        public List<String> tagKeys() {
            return tagKeys;
        }

        /**
         * The name Prometheus sees (Micrometer's convention): dots become underscores, then the base unit,
         * then {@code _total} for a counter; a timer or summary adds {@code _bucket}, {@code _count},
         * {@code _sum} and {@code _max} to this.
         */
        public String prometheusName() {
            String name = meterName.replace('.', '_');
            if (kind == Kind.TIMER) {
                name += "_seconds";
            } else if (!baseUnit.isEmpty()) {
                name += "_" + baseUnit;
            }
            return kind == Kind.COUNTER ? name + "_total" : name;
        }
    }
}
