package org.hotline.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.acd.AcdEvent.AgentStateChanged;
import org.hotline.acd.AcdEvent.CallCompleted;
import org.hotline.acd.AcdEvent.CallHeld;
import org.hotline.acd.AcdEvent.CallResumed;
import org.hotline.acd.AcdEvent.Party;
import org.hotline.acd.RecordingFront.Announce;
import org.hotline.acd.RecordingFront.Offer;
import org.junit.jupiter.api.Test;

/** A connected call: hold and resume, the end, the queue's wrap-up, and the handle times it leaves behind. */
class CallLifecycleTest {

    private static final String SALES = "sales";
    private static final Duration WRAP_UP = Duration.ofSeconds(20);

    private final TestAcd acd = TestAcd.with(QueuePolicy.builder(SALES).wrapUp(WRAP_UP).build())
            .agent("1001", SALES)
            .build()
            .loggedIn("1001");
    private final RecordingFront front = acd.front;
    private final AcdEngine engine = acd.engine;

    @Test
    void holdAndResumeMoveTheAgentStateAndRepeatsAreIgnored() {
        connect("c1");
        Instant at = acd.now();

        engine.agentHold("c1");
        engine.agentHold("c1");
        assertEquals(AgentState.ON_HOLD, acd.agent("1001").state());
        engine.agentResume("c1");
        engine.agentResume("c1");

        assertEquals(List.of(
                new AgentStateChanged(at, "1001", AgentState.ON_CALL, AgentState.ON_HOLD),
                new CallHeld(at, "c1", "1001"),
                new AgentStateChanged(at, "1001", AgentState.ON_HOLD, AgentState.ON_CALL),
                new CallResumed(at, "c1", "1001")), front.takeEvents());
        assertEquals(List.of(), front.takeActions());
    }

    @Test
    void callEndStartsTheQueuesWrapUpThenTheAgentIsIdleAndOfferedTheNextCaller() {
        connect("c1");
        engine.callerJoined("c2", SALES, 0);
        acd.clock.advanceSeconds(10);
        Instant ended = acd.now();
        front.clear();

        engine.callEnded("c1", Party.AGENT);
        assertEquals(List.of(
                new CallCompleted(ended, "c1", SALES, "1001", Party.AGENT, Duration.ofSeconds(10)),
                new AgentStateChanged(ended, "1001", AgentState.ON_CALL, AgentState.WRAP_UP)), front.takeEvents());
        assertEquals(ended.plus(WRAP_UP), engine.nextDeadline().orElseThrow());

        acd.clock.advance(WRAP_UP.minusMillis(1));
        engine.tick();
        assertEquals(AgentState.WRAP_UP, acd.agent("1001").state());
        assertEquals(List.of(), front.takeActions());

        acd.clock.advance(Duration.ofMillis(1));
        engine.tick();
        assertEquals(List.of(new Offer("c2", SALES, List.of("1001"))), front.takeActions());
        assertEquals(List.of(
                new AgentStateChanged(acd.now(), "1001", AgentState.WRAP_UP, AgentState.IDLE),
                new AgentStateChanged(acd.now(), "1001", AgentState.IDLE, AgentState.OFFERED)),
                front.takeEvents(AgentStateChanged.class));
    }

    @Test
    void callEndedWhileOnHoldStillWrapsUp() {
        connect("c1");
        engine.agentHold("c1");

        engine.callEnded("c1", Party.CALLER);

        assertEquals(AgentState.WRAP_UP, acd.agent("1001").state());
    }

    @Test
    void queueWithoutWrapUpFreesTheAgentAtOnce() {
        TestAcd quick = TestAcd.with(QueuePolicy.builder(SALES).wrapUp(Duration.ZERO).build())
                .agent("1001", SALES).build().loggedIn("1001");
        quick.engine.callerJoined("c1", SALES, 0);
        quick.engine.offerAnswered("c1", "1001");
        quick.front.clear();

        quick.engine.callEnded("c1", Party.CALLER);

        assertEquals(List.of(new AgentStateChanged(quick.now(), "1001", AgentState.ON_CALL, AgentState.IDLE)),
                quick.front.takeEvents(AgentStateChanged.class));
    }

    @Test
    void endOfAnUnknownOrFinishedCallChangesNothing() {
        connect("c1");
        engine.callEnded("c1", Party.AGENT);
        front.clear();

        engine.callEnded("c1", Party.AGENT);
        engine.callEnded("never", Party.CALLER);
        engine.agentHold("c1");

        assertEquals(List.of(), front.takeEvents());
        assertEquals(AgentState.WRAP_UP, acd.agent("1001").state());
    }

    @Test
    void expectedWaitIsUnknownUntilEnoughCallsWereHandled() {
        for (int i = 1; i < HandleTimes.MIN_SAMPLES; i++) {
            handleOneCall("h" + i, Duration.ofSeconds(100));
        }
        connect("busy");
        engine.callerJoined("waiting", SALES, 0);
        assertEquals(Optional.empty(), engine.expectedWait("waiting"));
    }

    @Test
    void expectedWaitIsAverageHandleTimeTimesPositionOverAgentsServing() {
        handleOneCall("h1", Duration.ofSeconds(100));
        handleOneCall("h2", Duration.ofSeconds(160));
        handleOneCall("h3", Duration.ofSeconds(220));
        Duration averageHandle = Duration.ofSeconds(160).plus(WRAP_UP);
        connect("busy");
        engine.callerJoined("first", SALES, 0);
        engine.callerJoined("second", SALES, 0);

        assertEquals(Optional.of(averageHandle), engine.expectedWait("first"));
        assertEquals(Optional.of(averageHandle.multipliedBy(2)), engine.expectedWait("second"));

        acd.clock.advance(QueuePolicy.R7_FIRST_ANNOUNCEMENT);
        front.clear();
        engine.tick();
        assertEquals(List.of(new Announce("first", 1, Optional.of(averageHandle)),
                new Announce("second", 2, Optional.of(averageHandle.multipliedBy(2)))), front.takeActions());
    }

    @Test
    void expectedWaitIsUnknownWhenNobodyIsAvailable() {
        for (int i = 1; i <= HandleTimes.MIN_SAMPLES; i++) {
            handleOneCall("h" + i, Duration.ofSeconds(100));
        }
        engine.notReady("1001", "meeting");
        engine.callerJoined("waiting", SALES, 0);
        assertEquals(Optional.empty(), engine.expectedWait("waiting"));
    }

    private void connect(String callId) {
        engine.callerJoined(callId, SALES, 0);
        engine.offerAnswered(callId, "1001");
        front.clear();
    }

    private void handleOneCall(String callId, Duration talk) {
        connect(callId);
        acd.clock.advance(talk);
        engine.callEnded(callId, Party.CALLER);
        acd.clock.advance(WRAP_UP);
        engine.tick();
        front.clear();
    }
}
