package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.call.EndReason;
import org.hotline.event.CallEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A caller who hangs up at any step, mid-command or while nothing runs, ends the call cleanly: one
 * Ended event (caller hang-up), the flow's thread gone, Hotline closes the FastAGI connection (no
 * dead channel left waiting in Asterisk), no caller left in the ACD, and an agent already on the
 * line is hung up. Asterisk's side is {@code caller-full-call.agi}, hanging up at the named step:
 * the command's {@code 200 result=-1}, then {@code HANGUP}, then 511 to anything more.
 */
class AgiHangupTest {

    private static final Duration TIMEOUT = AsteriskSite.TIMEOUT;

    @ParameterizedTest(name = "caller hangs up at {0}")
    @ValueSource(strings = {"answer", "greeting", "menu", "connecting", "music", "queued", "connected", "work-number",
            "bridge", "bridged", "survey", "rating", "closing", "hangup"})
    void endsTheCallCleanlyWhenTheCallerHangsUpAt(String step) throws Exception {
        try (AsteriskSite site = new AsteriskSite("endpoints-both-registered")) {
            AgiCallTest.makeAgentAvailable(site);
            LenientAgent agent = new LenientAgent();
            site.ami.onAction("Originate", action -> {
                site.signals.signal("originated");
                Thread.ofVirtual().start(() -> {
                    try {
                        agent.run(site.agiPort(), action.get("ChannelId"), site.signals, TIMEOUT);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            });
            site.signals.signal("talk-over");

            CompletableFuture<AgiTranscript> caller = site.play(
                    AsteriskSite.transcript("caller-full-call.agi", Map.of()).hangingUpAt(step));

            caller.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS); // returns once Hotline closed the connection
            CallEvent.Ended ended = site.events.awaitOne(AgiCallTest.CALL_ID, CallEvent.Ended.class, TIMEOUT);
            EndReason expected = step.equals("hangup") ? EndReason.COMPLETED : EndReason.CALLER_HANGUP;
            assertEquals(expected, ended.reason());
            CallEvents.waitUntil(() -> site.hotline.liveCallFlows() == 0, TIMEOUT, "the call flow to end");
            assertEquals(1, site.events.of(AgiCallTest.CALL_ID, CallEvent.Ended.class).size());
            CallEvents.waitUntil(() -> noCallerWaiting(site), TIMEOUT, "the ACD to let the caller go");
            if (site.signals.isSignalled("originated") && !List.of("survey", "rating", "closing", "hangup").contains(step)) {
                CallEvents.waitUntil(() -> agentHungUp(agent, site), TIMEOUT, "the agent to be hung up");
            }
        }
    }

    private static boolean noCallerWaiting(AsteriskSite site) {
        try {
            return !site.queues().contains(AgiCallTest.CALL_ID);
        } catch (Exception e) {
            return false;
        }
    }

    /** The agent's session got HANGUP, or AMI was asked to hang up its channel (after the Bridge took it). */
    private static boolean agentHungUp(LenientAgent agent, AsteriskSite site) {
        return agent.received().contains("HANGUP") || !site.ami.actions("Hangup").isEmpty();
    }
}
