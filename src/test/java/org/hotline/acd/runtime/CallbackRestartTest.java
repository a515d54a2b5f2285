package org.hotline.acd.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.acd.CallbackEntry;
import org.hotline.acd.CallbackStatus;
import org.hotline.acd.CallbackTicket;
import org.hotline.call.OutboundCall.DialResult;
import org.hotline.event.CallEvent;
import org.junit.jupiter.api.Test;

/**
 * Rule R12 over a restart, with the real engine and runners: a callback still waiting when the ACD
 * stops is not given up (it stays pending in the ledger), and a new ACD given that entry puts it
 * back ahead of a caller who came later and places it, keeping its first request time.
 */
class CallbackRestartTest {

    private static final String NUMBER = "13900000000";
    private static final Map<String, String> TRUNK = Map.of("trunk.enabled", "true", "trunk.proxy.host", "127.0.0.1");

    @Test
    void aCallbackWaitingAtShutdownStaysPendingAndTheNextRunPlacesItInItsPlace() {
        AcdFixture first = new AcdFixture(TRUNK);
        FakeOutboundRoute firstTrunk = new FakeOutboundRoute(first.clock);
        FakeCallControl caller = first.call("c1");
        first.enqueue(caller, "general");
        String callbackId = CallbackTicket.idFor("c1");
        CallerMailbox mailbox = first.driver.open(callbackId);
        first.driver.requestCallback("c1", NUMBER, "zh-CN").join().orElseThrow();
        caller.hangUp();
        CallbackRunner.start(context(first, firstTrunk),
                new CallbackRunner.Request(callbackId, "c1", "general", NUMBER, "zh-CN"), mailbox);
        first.awaitCallEvent(callbackId, CallEvent.Offered.class);

        first.driver.close(); // the server stops with no agent ever free for it
        awaitRunnerEnded(first, callbackId);

        assertTrue(first.callEvents.stream().noneMatch(e -> e.callId().equals(callbackId)
                && (e instanceof CallEvent.CallbackFinished || e instanceof CallEvent.Ended)), first.callEvents.toString());
        CallbackEntry left = first.ledger.getLast();
        assertEquals(CallbackStatus.PENDING, left.status());
        assertEquals("zh-CN", left.language());

        AcdFixture second = new AcdFixture(TRUNK);
        FakeOutboundRoute trunk = new FakeOutboundRoute(second.clock, DialResult.ANSWERED);
        second.advance(Duration.ofMinutes(1));
        second.enqueue(second.call("later"), "general");
        AcdQueueGateway gateway = new AcdQueueGateway(second.driver, AcdConfigMapping.directory(second.config), "zh-CN",
                second.clock, second.callEvents::add, trunk, CallbackSettings.DEFAULTS);
        assertEquals(1, gateway.restoreCallbacks(List.of(left)).join());
        second.awaitCallEvent(callbackId, CallEvent.Offered.class);
        second.login("1001");

        FakeOutboundRoute.Dialled dialled = trunk.awaitCall(0);
        assertEquals(callbackId + "#1", dialled.call.info().callId(), "the callback is offered before the later caller");
        CallEvent.Offered offered = second.callEvents.stream().filter(CallEvent.Offered.class::isInstance)
                .map(CallEvent.Offered.class::cast).filter(e -> e.callId().equals(callbackId)).findFirst().orElseThrow();
        assertEquals(left.requestedAt(), offered.at(), "its record keeps its first request time");
    }

    private static AcdQueueGateway.Context context(AcdFixture acd, FakeOutboundRoute trunk) {
        return new AcdQueueGateway.Context(acd.driver, AcdConfigMapping.directory(acd.config), "zh-CN", acd.clock,
                acd.callEvents::add, trunk, CallbackSettings.DEFAULTS);
    }

    /** The runner closes its mailbox last; then the id can be opened again. */
    private static void awaitRunnerEnded(AcdFixture acd, String callbackId) {
        long deadline = System.nanoTime() + FakeCallControl.DEADLINE.toNanos();
        while (true) {
            try {
                acd.driver.open(callbackId);
                return;
            } catch (IllegalStateException stillOpen) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the callback's runner did not end", stillOpen);
                }
                Thread.onSpinWait();
            }
        }
    }
}
