package org.hotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.acd.AcdEvent;
import org.hotline.acd.AgentState;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.junit.jupiter.api.Test;

/** How events become call records and log entries, without a database. */
class CallRecordAssemblerTest {

    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");

    private final CallRecordAssembler assembler = new CallRecordAssembler("run-1", new EventLogEntries(StoreJson.mapper()));

    private List<StoreWrite> feed(List<?> events) {
        events.forEach(assembler::accept);
        return assembler.drain();
    }

    private static CallRecord lastRecord(List<StoreWrite> writes, String callId) {
        return writes.stream().filter(write -> write instanceof StoreWrite.PutCall put && put.record().callId().equals(callId))
                .map(write -> ((StoreWrite.PutCall) write).record()).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void writesEachChangedCallOncePerBatchAndForgetsItWhenItEnds() {
        List<StoreWrite> writes = feed(CallScript.served("c1", "1001", T));
        assertEquals(1, writes.stream().filter(write -> write instanceof StoreWrite.PutCall).count());
        assertEquals(0, assembler.openCalls());
        assertEquals(Duration.ofSeconds(15), lastRecord(writes, "c1").wrapUp());
    }

    @Test
    void creditsWrapUpThatEndsAfterTheCallToItsRecord() {
        List<Object> events = CallScript.served("c1", "1001", T);
        feed(events.subList(0, events.size() - 1));
        List<StoreWrite> later = feed(events.subList(events.size() - 1, events.size()));
        assertTrue(later.contains(new StoreWrite.SetWrapUp("c1", Duration.ofSeconds(15))), later.toString());
    }

    @Test
    void ignoresALateEventOfAnEndedCallInsteadOfStartingABogusRecord() {
        feed(CallScript.abandoned("c2", T));
        List<StoreWrite> late = feed(List.of(new CallEvent.DigitReceived("c2", T.plusSeconds(60), '5')));
        assertTrue(late.isEmpty(), late.toString());
    }

    @Test
    void sumsTalkOverATransferAndKeepsTheLastAgent() {
        List<StoreWrite> writes = feed(List.of(
                new CallEvent.Offered("c3", T, "138", "4008001234", "sip"),
                new CallEvent.QueueRequested("c3", T.plusSeconds(5), "general", List.of("0")),
                new CallEvent.QueueEntered("c3", T.plusSeconds(6), "general", 0, 1),
                new CallEvent.AgentConnected("c3", T.plusSeconds(10), "general", "1001", Duration.ofSeconds(4)),
                new CallEvent.HeldByAgent("c3", T.plusSeconds(20), "1001"),
                new CallEvent.TransferredByAgent("c3", T.plusSeconds(30), "1001", "billing", "billing"),
                new CallEvent.AgentCallEnded("c3", T.plusSeconds(30), "general", "1001", "AGENT", Duration.ofSeconds(20)),
                new CallEvent.QueueEntered("c3", T.plusSeconds(31), "billing", 0, 1),
                new CallEvent.AgentConnected("c3", T.plusSeconds(40), "billing", "1002", Duration.ofSeconds(30)),
                new CallEvent.AgentCallEnded("c3", T.plusSeconds(100), "billing", "1002", "CALLER", Duration.ofSeconds(60)),
                new CallEvent.Ended("c3", T.plusSeconds(100), EndReason.CALLER_HANGUP)));
        CallRecord call = lastRecord(writes, "c3");
        assertEquals(CallOutcome.SERVED, call.outcome());
        assertEquals("1002", call.agent());
        assertEquals("billing", call.queue());
        assertEquals(Duration.ofSeconds(80), call.talked());
        assertEquals(Duration.ofSeconds(10), call.held(), "the hold ended with the first agent's leg");
        assertEquals(Duration.ofSeconds(4), call.waited(), "the wait to the first answer (service level)");
        assertEquals(T.plusSeconds(6), call.queuedAt());
    }

    @Test
    void namesCallsThatNeverReachedAQueue() {
        CallRecord ivr = lastRecord(feed(List.of(new CallEvent.Offered("c4", T, "138", "4008001234", "sip"),
                new CallEvent.Answered("c4", T.plusSeconds(2)),
                new CallEvent.MenuEntered("c4", T.plusSeconds(3), List.of("1"), 2),
                new CallEvent.Ended("c4", T.plusSeconds(20), EndReason.SILENT_LINE))), "c4");
        assertEquals(CallOutcome.IVR, ivr.outcome());
        assertEquals("1", ivr.menuPath());
        assertNull(ivr.queuedAt());
        CallRecord afterHours = lastRecord(feed(List.of(new CallEvent.Offered("c5", T, "138", "4008001234", "sip"),
                new CallEvent.TransferAttempted("c5", T.plusSeconds(9), "sip:oncall@example.com", true),
                new CallEvent.Ended("c5", T.plusSeconds(10), EndReason.TRANSFERRED))), "c5");
        assertEquals(CallOutcome.TRANSFERRED, afterHours.outcome());
        CallRecord cancelled = lastRecord(feed(List.of(new CallEvent.Offered("c6", T, "138", "4008001234", "sip"),
                new CallEvent.Ended("c6", T.plusSeconds(1), EndReason.CANCELLED))), "c6");
        assertEquals(CallOutcome.IVR, cancelled.outcome());
        assertEquals("CANCELLED", cancelled.endReason());
    }

    @Test
    void logsAgentEventsButNotTheHoldTheCallerSideReports() {
        List<StoreWrite> writes = feed(List.of(
                new AcdEvent.AgentStatusChanged(T, "1001", org.hotline.acd.AgentStatus.LOGGED_OUT,
                        org.hotline.acd.AgentStatus.AVAILABLE, ""),
                new AcdEvent.CallHeld(T.plusSeconds(1), "c7", "1001"),
                new AcdEvent.AgentStateChanged(T.plusSeconds(2), "1001", AgentState.IDLE, AgentState.OFFERED)));
        List<String> types = writes.stream().map(write -> ((StoreWrite.AppendEvent) write).event().type()).toList();
        assertEquals(List.of("AgentStatusChanged", "AgentStateChanged"), types);
        assertEquals("1001", ((StoreWrite.AppendEvent) writes.getFirst()).event().agent());
    }

    @Test
    void aCallbackHasItsOwnOutcomeWhetherServedOrGivenUpAndItsRequestIsNoAbandon() {
        List<StoreWrite> writes = feed(List.of(
                new CallEvent.Offered("c5", T, "138", "4008001234", "sip"),
                new CallEvent.QueueRequested("c5", T.plusSeconds(5), "general", List.of("0")),
                new CallEvent.QueueEntered("c5", T.plusSeconds(6), "general", 0, 1),
                new CallEvent.CallbackRequested("c5", T.plusSeconds(60), "general", "callback-c5", "138", false,
                        Duration.ofSeconds(54)),
                new CallEvent.QueueLeft("c5", T.plusSeconds(61), "general", "CALLBACK"),
                new CallEvent.Ended("c5", T.plusSeconds(65), EndReason.CALLER_HANGUP),
                // a second request for the same number, merged into the first
                new CallEvent.Offered("c6", T, "139", "4008001234", "sip"),
                new CallEvent.QueueRequested("c6", T.plusSeconds(5), "general", List.of("0")),
                new CallEvent.CallbackRequested("c6", T.plusSeconds(70), "general", "callback-c5", "138", true,
                        Duration.ofSeconds(65)),
                new CallEvent.QueueLeft("c6", T.plusSeconds(71), "general", "CALLBACK"),
                new CallEvent.Ended("c6", T.plusSeconds(75), EndReason.CALLER_HANGUP),
                // the callback: an agent connected for an attempt the customer did not answer, then given up
                new CallEvent.Offered("callback-c5", T.plusSeconds(60), "138", "138", "CALLBACK"),
                new CallEvent.AgentConnected("callback-c5", T.plusSeconds(100), "general", "1001", Duration.ofSeconds(94)),
                new CallEvent.CallbackAttempted("callback-c5", T.plusSeconds(130), "general", "1001", 1, "NO_ANSWER"),
                new CallEvent.AgentCallEnded("callback-c5", T.plusSeconds(130), "general", "1001", "CALLER",
                        Duration.ofSeconds(30)),
                new CallEvent.CallbackFinished("callback-c5", T.plusSeconds(131), "c5", "general", "GAVE_UP", 1),
                new CallEvent.Ended("callback-c5", T.plusSeconds(131), EndReason.NOT_SERVED),
                // another callback that reached its customer
                new CallEvent.Offered("callback-c7", T.plusSeconds(60), "137", "137", "CALLBACK"),
                new CallEvent.AgentConnected("callback-c7", T.plusSeconds(100), "general", "1002", Duration.ofSeconds(94)),
                new CallEvent.CallbackAttempted("callback-c7", T.plusSeconds(110), "general", "1002", 1, "ANSWERED"),
                new CallEvent.CallbackFinished("callback-c7", T.plusSeconds(200), "c7", "general", "COMPLETED", 1),
                new CallEvent.Ended("callback-c7", T.plusSeconds(200), EndReason.COMPLETED),
                // and one given up before any agent was connected for it
                new CallEvent.Offered("callback-c8", T.plusSeconds(60), "136", "136", "CALLBACK"),
                new CallEvent.CallbackFinished("callback-c8", T.plusSeconds(61), "c8", "general", "GAVE_UP", 0),
                new CallEvent.Ended("callback-c8", T.plusSeconds(61), EndReason.NOT_SERVED)));
        assertEquals(CallOutcome.CALLBACK, lastRecord(writes, "c5").outcome());
        assertEquals(CallOutcome.CALLBACK, lastRecord(writes, "c6").outcome(), "a merged request is a callback too");
        assertEquals(CallOutcome.CALLBACK_GAVE_UP, lastRecord(writes, "callback-c5").outcome(),
                "an agent was connected, but the customer never answered: not SERVED");
        assertEquals(CallOutcome.CALLBACK_SERVED, lastRecord(writes, "callback-c7").outcome());
        assertEquals(CallOutcome.CALLBACK_GAVE_UP, lastRecord(writes, "callback-c8").outcome(), "not IVR");
    }
}
