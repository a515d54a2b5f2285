package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.hotline.config.SipConfig;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Rule R5 end to end, from two callers that say and press nothing: the menu is repeated 5 s after it
 * ended, the goodbye (silent.goodbye) comes 5 s after the repeat, and the server hangs up 5 s after
 * the goodbye, each within ±0.5 s (the server's defaults, ivr.noInputTimeout and
 * ivr.hangupAfterGoodbye). baresip's recording and CALL_CLOSED, and SIPp's captured audio and BYE,
 * each give the timeline (SilentLineTimeline). A call takes about a minute.
 */
class SilentLineSystemTest {

    private static final String DEMO_NUMBER = "4008001234";
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private static final Duration TOLERANCE = Duration.ofMillis(500);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(120);

    @Test
    void baresipCallerHearsTheRepeatAndTheGoodbyeAndIsHungUpOnTime() {
        AudioClip menuMain = HotlinePrompts.zhCn("menu.main");
        AudioClip goodbye = HotlinePrompts.zhCn("silent.goodbye");

        try (HotlineUnderTest hotline = InProcessHotline.start();
             Baresip caller = Baresip.start(Baresip.Options.caller())) {
            caller.dial(hotline.uri(DEMO_NUMBER));
            Baresip.CallRecording call = caller.recording(CALL_LIMIT);

            assertTrue(call.closedByPeer(), "rule R5: the server hangs up, the call closed with " + call.closeReason());
            Duration unrecorded = call.offsetOf(call.closed()).minus(call.audio().duration());
            assertTrue(unrecorded.abs().compareTo(TOLERANCE) < 0, "the recording covers " + call.audio().duration() + " of a "
                    + call.offsetOf(call.closed()) + " call: the server must send RTP (silence) between prompts, as MediaSession.play promises");
            SilentLineTimeline timeline = SilentLineTimeline.measure(call.audio(), menuMain, goodbye,
                    call.offsetOf(call.closed()), HotlinePrompts.TRAILING_SILENCE);
            timeline.assertRuleR5(FIVE_SECONDS, FIVE_SECONDS, TOLERANCE);
        }
    }

    @Test
    void sippSilentCallerGetsTheByeFiveSecondsAfterTheGoodbye() {
        AudioClip menuMain = HotlinePrompts.zhCn("menu.main");
        AudioClip goodbye = HotlinePrompts.zhCn("silent.goodbye");
        int callerMedia = FreePorts.block(4, 2);

        try (HotlineUnderTest hotline = InProcessHotline.start();
             RtpCapture atCaller = RtpCapture.start(callerMedia, RunDirectory.create("silent-capture"))) {
            SippResult caller = Sipp.scenario("uac-silent.xml").remote(Sipp.LOOPBACK, hotline.sipPort())
                    .mediaPort(callerMedia).service(DEMO_NUMBER).timeout(CALL_LIMIT).run();
            RtpCapture.Captured captured = atCaller.stop();

            caller.assertPassed();
            SipTraceMessage ringing = caller.firstReceivedResponse(180, "INVITE");
            SipTraceMessage answer = caller.firstReceivedResponse(200, "INVITE");
            assertTrue(answer.since(ringing).compareTo(SipConfig.THREE_RING_LIMIT) <= 0, "rule R1: " + caller.summary());
            assertTrue(captured.sent().isEmpty(), "the silent caller sent " + captured.sent().size() + " RTP packets");
            RtpAudio.Heard heard = RtpAudio.decode("sipp-heard", captured.received(), RtpAudio.PCMU);
            Duration bye = Duration.between(heard.start(), caller.firstReceivedRequest("BYE").at());
            SilentLineTimeline timeline = SilentLineTimeline.measure(heard.audio(), menuMain, goodbye, bye,
                    HotlinePrompts.TRAILING_SILENCE);
            timeline.assertRuleR5(FIVE_SECONDS, FIVE_SECONDS, TOLERANCE);
        }
    }
}
