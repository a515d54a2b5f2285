package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 end to end: Hotline in process, Debian's Prometheus scraping its /metrics every second
 * with config/prometheus/alerts.yml, and real calls. Agent 1001 (baresip) logs in; a baresip caller
 * reaches the agent through the menu, is put on hold and resumed, and rates the call 4 after the
 * agent hangs up (R11); meanwhile the agent goes not ready and a SIPp caller gives up after about
 * 11 s in queue general. Then every panel query of the Grafana dashboard and every recording and
 * alert rule is evaluated through Prometheus's HTTP API and must return the series expected
 * ({@link DashboardQueries}, {@link RuleExpectations}); every rule evaluates without error; and
 * {@code promtool} checks and unit-tests the rules.
 */
class PrometheusSystemTest {

    private static final String AGENT = "1001";
    private static final Duration OFFER = Duration.ofSeconds(30);
    private static final Duration STATE = Duration.ofSeconds(10);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(250);
    private static final Duration SURVEY = Duration.ofSeconds(30);
    /** Scrapes every second, rules every second: a few rounds, with margin for a loaded machine. */
    private static final Duration SETTLED = Duration.ofSeconds(30);
    /** The greeting (about 7 s after the 2 s ring) and the start of the top menu, then the agent key. */
    private static final Duration KEY_AFTER_ANSWER = Duration.ofSeconds(9);

    @Test
    void everyDashboardQueryAndEveryRuleAnswersWithTheExpectedSeriesAfterRealCalls() {
        try (AcdUnderTest acd = AcdUnderTest.start(Map.of("queues[0].wrapUp", "2s"));
                PrometheusServer prometheus = PrometheusServer.start(acd.server().httpPort())) {
            prometheus.awaitQuery("up{job=\"hotline\"} == 1", samples -> samples.size() == 1, SETTLED);
            placeCalls(acd);
            awaitScraped(prometheus);

            List<String> failures = new ArrayList<>();
            DashboardQueries.load().forEach(query -> failures.addAll(DashboardQueries.check(prometheus, query)));
            RuleExpectations.load().forEach(rule -> failures.addAll(RuleExpectations.check(prometheus, rule)));
            assertTrue(failures.isEmpty(), "dashboard and rules against " + prometheus.runDirectory() + ":\n"
                    + String.join("\n", failures));
            assertRulesHealthy(prometheus);
            assertServiceLevelAlertsPending(prometheus);
        }
        Promtool.checkAndTestRules();
    }

    /**
     * The baresip caller is answered at once (within X), held and resumed, rates 4; the SIPp caller
     * abandons while the agent is not ready. Queue general: offered 2, answered 1 within X, abandoned 1.
     */
    private static void placeCalls(AcdUnderTest acd) {
        Baresip agent = acd.registeredAgent(AGENT, AgentTones.agentTone(Duration.ofSeconds(110)));
        acd.logInOverHttp(AGENT);
        Baresip caller = acd.caller(AgentTones.callerTone(Duration.ofSeconds(110)));
        acd.callAndPressAgentKey(caller);
        BaresipEvent offered = agent.awaitIncoming(OFFER);
        agent.awaitCallEvent(offered.callId(), "CALL_ESTABLISHED", OFFER);
        acd.api().awaitAgent(AGENT, HotlineApi.has("state", "ON_CALL"), STATE, "the agent on the call");
        acd.api().setStatus(AGENT, "NOT_READY", "metrics test").requireStatus(200);

        try (Sipp.Running abandoning = Sipp.scenario("uac-queue-abandon.xml").remote(Sipp.LOOPBACK, acd.sipPort())
                .service(AcdUnderTest.DEMO_NUMBER).defaultPause(KEY_AFTER_ANSWER).timeout(Duration.ofSeconds(60))
                .start()) {
            agent.hold();
            acd.api().awaitAgent(AGENT, HotlineApi.has("state", "ON_HOLD"), STATE, "the agent holding");
            agent.resume();
            acd.api().awaitAgent(AGENT, HotlineApi.has("state", "ON_CALL"), STATE, "the agent resumed");
            agent.hangup();
            AudioClip surveyAsk = HotlinePrompts.zhCn("survey.ask");
            caller.listenUntil(heard -> AudioMatch.best(heard, surveyAsk).score() >= AudioMatch.DEFAULT_MIN_SCORE,
                    LISTEN_EVERY, SURVEY, "survey.ask after the agent hung up");
            caller.pressKey('4');
            caller.recording(SURVEY);
            abandoning.await().assertPassed();
        }
        acd.api().awaitAgent(AGENT, HotlineApi.has("state", "IDLE"), STATE, "the agent idle after wrap-up");
        acd.assertNothingLeft();
    }

    /** Prometheus has scraped the calls' end and evaluated the rules on it. */
    private static void awaitScraped(PrometheusServer prometheus) {
        for (String settled : List.of(
                "hotline_queue_calls_total{queue=\"general\",outcome=\"abandoned\"} == 1",
                "hotline_agent_handle_seconds_count{queue=\"general\"} == 1",
                "hotline_survey_score_sum{queue=\"general\"} == 4",
                "hotline_calls_active == 0",
                "hotline:queue_service_level:ratio15m{queue=\"general\"} == 0.5")) {
            prometheus.awaitQuery(settled, samples -> samples.size() == 1, SETTLED);
        }
    }

    private static void assertRulesHealthy(PrometheusServer prometheus) {
        Set<String> unhealthy = new TreeSet<>();
        int rules = 0;
        for (JsonNode group : prometheus.rules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules++;
                if (!"ok".equals(rule.path("health").asText())) {
                    unhealthy.add(rule.path("name").asText() + ": " + rule.path("lastError").asText());
                }
            }
        }
        assertEquals(RuleExpectations.load().size(), rules, "Prometheus loaded every rule of " + PrometheusServer.RULES);
        assertTrue(unhealthy.isEmpty(), "rules that failed to evaluate: " + unhealthy);
    }

    /**
     * Queue general is at 50 % against 80 % and 90 %: both alerts are pending their 15 minutes. The
     * alerting rules are evaluated on their own interval, after the recording rules they read, so
     * they are awaited rather than read once.
     */
    private static void assertServiceLevelAlertsPending(PrometheusServer prometheus) {
        Set<String> expected = Set.of("HotlineServiceLevelBelowTarget{queue=general} pending",
                "HotlineAnswerRateBelowTarget{queue=general} pending");
        Await.until(() -> alerts(prometheus).containsAll(expected), SETTLED, () -> "alerts " + expected + ", have "
                + alerts(prometheus));
        Set<String> alerts = alerts(prometheus);
        assertFalse(alerts.stream().anyMatch(alert -> alert.endsWith("firing")), "nothing fires yet: " + alerts);
    }

    private static Set<String> alerts(PrometheusServer prometheus) {
        Set<String> alerts = new TreeSet<>();
        for (JsonNode alert : prometheus.alerts().path("alerts")) {
            alerts.add(alert.path("labels").path("alertname").asText() + "{queue=" + alert.path("labels").path("queue").asText()
                    + "} " + alert.path("state").asText());
        }
        return alerts;
    }
}
