package org.hotline.acd;

import static org.hotline.acd.AgentRules.R16_NOT_READY_LIMIT;
import static org.hotline.acd.AgentRules.R17_BREAK_LIMIT;
import static org.hotline.acd.AgentRules.R18_CONTINUOUS_SERVICE_LIMIT;
import static org.hotline.acd.AgentRules.R18_FATIGUE_BREAK;
import static org.hotline.acd.AgentRules.R18_FATIGUE_BREAK_REASON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.acd.AcdEvent.AgentStatusChanged;
import org.hotline.acd.AcdEvent.AlertRule;
import org.hotline.acd.AcdEvent.Party;
import org.hotline.acd.AcdEvent.RuleAlert;
import org.hotline.acd.AcdEvent.StatusRequestRefused;
import org.hotline.acd.RecordingFront.Offer;
import org.junit.jupiter.api.Test;

/** The agent rules R16 (not ready), R17 (breaks) and R18 (fatigue), and status requests in general. */
class AgentRulesTest {

    private static final String Q = "q";

    private final TestAcd acd = TestAcd.with(QueuePolicy.builder(Q).wrapUp(Duration.ofSeconds(30)).build())
            .agent("1001", Q).agent("1002", Q).agent("1003", Q).agent("1004", Q)
            .build()
            .loggedIn("1001", "1002", "1003", "1004");
    private final RecordingFront front = acd.front;
    private final AcdEngine engine = acd.engine;

    @Test
    void statusRequestsAreAcceptedOrRefusedWithAPromptName() {
        TestAcd fresh = TestAcd.with(QueuePolicy.builder(Q).build()).agent("1001", Q).build();
        AcdEngine e = fresh.engine;
        assertEquals(refused(Refusal.NOT_LOGGED_IN), e.available("1001"));
        assertEquals(refused(Refusal.NOT_LOGGED_IN), e.takeBreak("1001"));
        assertEquals(refused(Refusal.UNCHANGED), e.logout("1001"));
        assertEquals(refused(Refusal.UNKNOWN_AGENT), e.login("9999"));
        assertEquals(new StatusReply.Accepted(AgentStatus.AVAILABLE), e.login("1001"));
        assertEquals(refused(Refusal.UNCHANGED), e.login("1001"));
        assertEquals(new StatusReply.Accepted(AgentStatus.NOT_READY), e.notReady("1001", "paperwork"));
        assertEquals(refused(Refusal.UNCHANGED), e.notReady("1001", "lunch"));
        assertEquals(new StatusReply.Accepted(AgentStatus.ON_BREAK), e.takeBreak("1001"));
        assertEquals(new StatusReply.Accepted(AgentStatus.LOGGED_OUT), e.logout("1001"));
        assertEquals("agent.status.refused-unknown", Refusal.UNKNOWN_AGENT.promptName());
        assertEquals(new StatusRequestRefused(fresh.now(), "9999", AgentStatus.AVAILABLE, Refusal.UNKNOWN_AGENT),
                fresh.front.takeEvents(StatusRequestRefused.class).get(3));
    }

    @Test
    void breakAndLogoutWaitUntilTheAgentHasNoCallButNotReadyIsTakenAtOnce() {
        engine.callerJoined("c1", Q, 0);
        engine.offerAnswered("c1", "1001");

        assertEquals(refused(Refusal.BUSY), engine.takeBreak("1001"));
        assertEquals(refused(Refusal.BUSY), engine.logout("1001"));
        assertEquals(new StatusReply.Accepted(AgentStatus.NOT_READY), engine.notReady("1001", "after this call"));
        assertEquals(AgentState.ON_CALL, acd.agent("1001").state());
    }

    @Test
    void r16NotReadyForFifteenMinutesRaisesOneAlertPerPeriod() {
        Instant since = acd.now();
        engine.notReady("1001", "paperwork");
        assertEquals(since.plus(R16_NOT_READY_LIMIT), engine.nextDeadline().orElseThrow());

        acd.clock.advance(R16_NOT_READY_LIMIT.minusMillis(1));
        engine.tick();
        assertEquals(List.of(), front.takeEvents(RuleAlert.class));

        acd.clock.advance(Duration.ofMillis(1));
        engine.tick();
        acd.clock.advance(Duration.ofMinutes(30));
        engine.tick();
        assertEquals(List.of(new RuleAlert(since.plus(R16_NOT_READY_LIMIT), "1001", AlertRule.R16_NOT_READY_TOO_LONG,
                R16_NOT_READY_LIMIT)), front.takeEvents(RuleAlert.class));

        engine.available("1001");
        engine.notReady("1001", "paperwork again");
        acd.clock.advance(R16_NOT_READY_LIMIT);
        engine.tick();
        assertEquals(1, front.takeEvents(RuleAlert.class).size());
    }

    @Test
    void r16AlsoWatchesAgentsSetNotReadyByAMissedOffer() {
        engine.callerJoined("c1", Q, 0);
        engine.offerNoAnswer("c1", "1001");
        front.clear();

        acd.clock.advance(R16_NOT_READY_LIMIT);
        engine.tick();

        assertEquals(List.of(new RuleAlert(acd.now(), "1001", AlertRule.R16_NOT_READY_TOO_LONG, R16_NOT_READY_LIMIT)),
                front.takeEvents(RuleAlert.class));
    }

    @Test
    void r17FourthBreakOfTheDayIsRefused() {
        for (int i = 0; i < AgentRules.R17_BREAKS_PER_DAY; i++) {
            assertEquals(new StatusReply.Accepted(AgentStatus.ON_BREAK), engine.takeBreak("1001"));
            engine.available("1001");
        }
        StatusReply fourth = engine.takeBreak("1001");

        assertEquals(refused(Refusal.BREAKS_PER_DAY_REACHED), fourth);
        assertEquals("agent.break.refused-daily", ((StatusReply.Refused) fourth).reason().promptName());
        assertEquals(AgentStatus.AVAILABLE, acd.agent("1001").status());
        assertEquals(3, acd.agent("1001").breaksToday());
    }

    @Test
    void r17DailyBreaksStartAgainAtMidnightInTheConfiguredZone() {
        TestAcd solo = TestAcd.with(QueuePolicy.builder(Q).build()).agent("1001", Q).build().loggedIn("1001");
        for (int i = 0; i < AgentRules.R17_BREAKS_PER_DAY; i++) {
            solo.engine.takeBreak("1001");
            solo.engine.available("1001");
        }
        Instant shanghaiMidnight = Instant.parse("2025-03-03T16:00:00Z");
        solo.clock.advance(Duration.between(solo.now(), shanghaiMidnight).minusMinutes(1));
        solo.engine.logout("1001");
        solo.engine.login("1001");
        solo.clock.advance(Duration.ofMinutes(1).minusMillis(1));
        assertEquals(refused(Refusal.BREAKS_PER_DAY_REACHED), solo.engine.takeBreak("1001"));

        solo.clock.advance(Duration.ofMillis(1));
        assertEquals(new StatusReply.Accepted(AgentStatus.ON_BREAK), solo.engine.takeBreak("1001"));
        assertEquals(1, solo.agent("1001").breaksToday());
    }

    @Test
    void r17FourthAgentOnBreakAtOnceIsRefusedUntilOneComesBack() {
        engine.takeBreak("1001");
        engine.takeBreak("1002");
        engine.takeBreak("1003");

        StatusReply fourth = engine.takeBreak("1004");
        assertEquals(refused(Refusal.CONCURRENT_BREAKS_REACHED), fourth);
        assertEquals("agent.break.refused-concurrent", ((StatusReply.Refused) fourth).reason().promptName());

        engine.available("1002");
        assertEquals(new StatusReply.Accepted(AgentStatus.ON_BREAK), engine.takeBreak("1004"));
    }

    @Test
    void r17BreakReachingTenMinutesRaisesOneAlertAndDoesNotEndIt() {
        Instant since = acd.now();
        engine.takeBreak("1001");
        acd.clock.advance(R17_BREAK_LIMIT.minusMillis(1));
        engine.tick();
        assertEquals(List.of(), front.takeEvents(RuleAlert.class));

        acd.clock.advance(Duration.ofMillis(1));
        engine.tick();
        acd.clock.advance(Duration.ofMinutes(5));
        engine.tick();

        assertEquals(List.of(new RuleAlert(since.plus(R17_BREAK_LIMIT), "1001", AlertRule.R17_BREAK_TOO_LONG,
                R17_BREAK_LIMIT)), front.takeEvents(RuleAlert.class));
        assertEquals(AgentStatus.ON_BREAK, acd.agent("1001").status());
    }

    @Test
    void r18AfterThreeHoursTheAgentGoesOnBreakWhenTheCurrentCallEndsThenIsAvailableAgain() {
        TestAcd solo = TestAcd.with(QueuePolicy.builder(Q).wrapUp(Duration.ofSeconds(30))
                        .maxWait(Duration.ofMinutes(30), MaxWaitAction.fail()).build())
                .agent("1001", Q).build();
        Instant loggedIn = solo.now();
        solo.engine.login("1001");
        solo.clock.advance(R18_CONTINUOUS_SERVICE_LIMIT.minusMinutes(5));
        solo.engine.callerJoined("c1", Q, 0);
        solo.engine.offerAnswered("c1", "1001");
        solo.clock.advanceSeconds(600);
        solo.engine.tick();
        assertEquals(AgentStatus.AVAILABLE, solo.agent("1001").status());

        solo.engine.callEnded("c1", Party.CALLER);
        solo.engine.callerJoined("c2", Q, 0);
        solo.clock.advanceSeconds(30);
        solo.front.clear();
        solo.engine.tick();

        Instant breakStart = loggedIn.plus(R18_CONTINUOUS_SERVICE_LIMIT).plusSeconds(330);
        assertEquals(List.of(new AgentStatusChanged(breakStart, "1001", AgentStatus.AVAILABLE, AgentStatus.ON_BREAK,
                R18_FATIGUE_BREAK_REASON)), solo.front.takeEvents(AgentStatusChanged.class));
        assertEquals(List.of(), solo.front.takeActions());
        assertEquals(0, solo.agent("1001").breaksToday());

        solo.clock.advance(R18_FATIGUE_BREAK.minusMillis(1));
        solo.engine.tick();
        assertEquals(AgentStatus.ON_BREAK, solo.agent("1001").status());

        solo.clock.advance(Duration.ofMillis(1));
        solo.engine.tick();
        assertEquals(List.of(new AgentStatusChanged(breakStart.plus(R18_FATIGUE_BREAK), "1001", AgentStatus.ON_BREAK,
                AgentStatus.AVAILABLE, "")), solo.front.takeEvents(AgentStatusChanged.class));
        assertEquals(List.of(new Offer("c2", Q, List.of("1001"))),
                solo.front.takeActions().stream().filter(Offer.class::isInstance).toList());
        assertEquals(List.of(), solo.front.takeEvents(RuleAlert.class));
    }

    @Test
    void r18FatigueBreakCannotBeEndedEarlyExceptByLoggingOut() {
        acd.clock.advance(R18_CONTINUOUS_SERVICE_LIMIT);
        engine.tick();
        assertEquals(R18_FATIGUE_BREAK_REASON, acd.agent("1001").statusReason());

        assertEquals(refused(Refusal.FATIGUE_BREAK_RUNNING), engine.available("1001"));
        assertEquals(refused(Refusal.FATIGUE_BREAK_RUNNING), engine.notReady("1001", "x"));
        assertEquals(new StatusReply.Accepted(AgentStatus.LOGGED_OUT), engine.logout("1001"));
    }

    @Test
    void r18ABreakRestartsContinuousService() {
        acd.clock.advance(R18_CONTINUOUS_SERVICE_LIMIT.minusMinutes(30));
        engine.takeBreak("1001");
        acd.clock.advance(Duration.ofMinutes(5));
        engine.available("1001");
        Instant back = acd.now();
        acd.clock.advance(Duration.ofMinutes(60));
        engine.tick();

        assertEquals(AgentStatus.AVAILABLE, acd.agent("1001").status());
        assertEquals(back, acd.agent("1001").statusSince());
    }

    @Test
    void r18ImposedBreaksCountAsAgentsOnBreakButNotAsTheAgentsOwn() {
        engine.takeBreak("1004");
        acd.clock.advance(Duration.ofMinutes(5));
        engine.available("1004");
        acd.clock.advance(R18_CONTINUOUS_SERVICE_LIMIT.minusMinutes(5));
        engine.tick();
        assertEquals(List.of(AgentStatus.ON_BREAK, AgentStatus.ON_BREAK, AgentStatus.ON_BREAK, AgentStatus.AVAILABLE),
                List.of("1001", "1002", "1003", "1004").stream().map(n -> acd.agent(n).status()).toList());

        assertEquals(refused(Refusal.CONCURRENT_BREAKS_REACHED), engine.takeBreak("1004"));
        assertEquals(0, acd.agent("1001").breaksToday());
    }

    private static StatusReply refused(Refusal reason) {
        return new StatusReply.Refused(reason);
    }
}
