package org.hotline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.hotline.acd.AcdEvent.Party;
import org.hotline.acd.AgentRules;
import org.junit.jupiter.api.Test;

/**
 * The agents' side through the real ACD engine on a manual clock: talk, hold, wrap-up and handle
 * times of an answered call, and the agent rules' counters (R16 and R17 alerts, R17 refusals, R18's
 * imposed break).
 */
class AgentMetricsTest {

    private static final String Q = MeteredAcd.QUEUE;

    @Test
    void anAnsweredCallLeavesItsTalkHoldWrapUpAndHandleTimes() {
        MeteredAcd acd = new MeteredAcd(Duration.ofSeconds(5), 1).allNotReady(1);
        Instant start = acd.clock.instant();
        acd.engine.callerJoined("c1", Q, 0);
        acd.clock.at(start, 3);
        acd.freeAgentAnswers(MeteredAcd.agent(1));
        acd.clock.at(start, 13);
        acd.engine.agentHold("c1");
        acd.clock.at(start, 63);
        acd.engine.agentResume("c1"); // a 50 s hold: past rule R7's 45 s
        acd.clock.at(start, 73);
        acd.engine.agentHold("c1");
        acd.clock.at(start, 93);
        acd.engine.callEnded("c1", Party.CALLER); // ended while held: a 20 s hold; talked 90 s
        acd.clock.at(start, 93 + MeteredAcd.WRAP_UP.toSeconds());
        acd.engine.tick();

        Exposition scrape = acd.scrape();
        assertEquals(2, scrape.value("hotline_agent_hold_seconds_count", "queue", Q));
        assertEquals(70, scrape.value("hotline_agent_hold_seconds_sum", "queue", Q), 1e-9);
        assertEquals(1, scrape.value("hotline_agent_hold_seconds_bucket", "queue", Q, "le", "45.0"));
        assertEquals(2, scrape.value("hotline_agent_hold_seconds_bucket", "queue", Q, "le", "60.0"));
        assertEquals(90, scrape.value("hotline_agent_talk_seconds_sum", "queue", Q), 1e-9);
        assertEquals(10, scrape.value("hotline_agent_wrapup_seconds_sum", "queue", Q), 1e-9);
        assertEquals(1, scrape.value("hotline_agent_handle_seconds_count", "queue", Q));
        assertEquals(100, scrape.value("hotline_agent_handle_seconds_sum", "queue", Q), 1e-9);
        assertEquals(1, scrape.value("hotline_queue_calls_total", "queue", Q, "outcome", "answered"));
        assertEquals(1, scrape.value("hotline_agent_offers_total", "queue", Q));
    }

    @Test
    void agentRulesAreCountedByRule() {
        MeteredAcd acd = new MeteredAcd(Duration.ofSeconds(5), 5);
        for (int i = 1; i <= 5; i++) {
            acd.engine.login(MeteredAcd.agent(i));
        }
        for (int i = 1; i <= 4; i++) {
            acd.engine.takeBreak(MeteredAcd.agent(i)); // rule R17: the fourth at once is refused
        }
        acd.engine.notReady(MeteredAcd.agent(5), "paperwork");
        acd.clock.advanceSeconds(AgentRules.R17_BREAK_LIMIT.toSeconds());
        acd.engine.tick();
        acd.clock.advanceSeconds(AgentRules.R16_NOT_READY_LIMIT.minus(AgentRules.R17_BREAK_LIMIT).toSeconds());
        acd.engine.tick();
        acd.clock.advanceSeconds(AgentRules.R18_CONTINUOUS_SERVICE_LIMIT.toSeconds());
        acd.engine.tick(); // rule R18: agent 1004, refused its break and available since log-in, is sent on one

        Exposition scrape = acd.scrape();
        assertEquals(3, scrape.value("hotline_agent_breaks_total", "reason", "requested"));
        assertEquals(1, scrape.value("hotline_agent_breaks_total", "reason", "fatigue"));
        assertEquals(1, scrape.value("hotline_agent_status_refused_total", "status", "on_break",
                "reason", "concurrent_breaks_reached"));
        assertEquals(3, scrape.value("hotline_agent_rule_alerts_total", "rule", "R17"));
        assertEquals(1, scrape.value("hotline_agent_rule_alerts_total", "rule", "R16"));
    }
}
