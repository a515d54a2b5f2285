package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.junit.jupiter.api.Test;

/** What Asterisk may do to a FastAGI session besides a plain call, and what Hotline does about it. */
class AgiRobustnessTest {

    private static final long TIMEOUT_S = AsteriskSite.TIMEOUT.toSeconds();

    @Test
    void answersAnUnknownScriptWithHotlineErrorAndClosesTheConnection() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            site.play(AsteriskSite.transcript("unknown-script.agi", Map.of())).get(TIMEOUT_S, TimeUnit.SECONDS);

            assertTrue(site.events.of("1773106200.9", CallEvent.Offered.class).isEmpty(), "no call was started");
        }
    }

    @Test
    void endsTheCallWhenTheConnectionIsResetMidCommand() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            site.play(AsteriskSite.transcript("caller-connection-reset.agi", Map.of())).get(TIMEOUT_S, TimeUnit.SECONDS);

            CallEvent.Ended ended = site.events.awaitOne(AgiCallTest.CALL_ID, CallEvent.Ended.class, AsteriskSite.TIMEOUT);
            assertEquals(EndReason.FAILURE, ended.reason());
            CallEvents.waitUntil(() -> site.hotline.liveCallFlows() == 0, AsteriskSite.TIMEOUT, "the call flow to end");
        }
    }

    @Test
    void cancelsTheRingingAgentWhenTheCallerHangsUp() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            AgiCallTest.makeAgentAvailable(site);
            var caller = site.play(AsteriskSite.transcript("caller-waits-in-queue.agi", Map.of()));
            Map<String, String> originate = site.ami.awaitAction("Originate", 1, AsteriskSite.TIMEOUT);

            site.signals.signal("released"); // the caller hangs up while 1001's phone rings
            caller.get(TIMEOUT_S, TimeUnit.SECONDS);

            Map<String, String> hangup = site.ami.awaitAction("Hangup", 1, AsteriskSite.TIMEOUT);
            assertEquals(originate.get("ChannelId"), hangup.get("Channel"));
            assertTrue(site.events.awaitOne(AgiCallTest.CALL_ID, CallEvent.QueueAbandoned.class, AsteriskSite.TIMEOUT)
                    .whileOffered());
            assertEquals(EndReason.CALLER_HANGUP,
                    site.events.awaitOne(AgiCallTest.CALL_ID, CallEvent.Ended.class, AsteriskSite.TIMEOUT).reason());
        }
    }

    @Test
    void skipsAnAgentWhosePhoneDoesNotAnswerTheOriginateAndKeepsTheCallerQueued() throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            AgiCallTest.makeAgentAvailable(site);
            site.ami.onAction("Originate", action -> site.ami.push("originate-no-answer",
                    Map.of("ActionID", action.get("ActionID"), "Channel", action.get("Channel"))));
            var caller = site.play(AsteriskSite.transcript("caller-waits-in-queue.agi", Map.of()));

            CallEvent.AgentDeclined declined = site.events.awaitOne(AgiCallTest.CALL_ID, CallEvent.AgentDeclined.class,
                    AsteriskSite.TIMEOUT);
            assertEquals("1001", declined.agent());
            assertTrue(site.queues().contains(AgiCallTest.CALL_ID), "the caller keeps their place");

            site.signals.signal("released");
            caller.get(TIMEOUT_S, TimeUnit.SECONDS);
            site.events.awaitOne(AgiCallTest.CALL_ID, CallEvent.Ended.class, AsteriskSite.TIMEOUT);
        }
    }
}
