package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.hotline.config.SipConfig;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Issue 2 with SIPp as the caller (uac-greeting.xml): the server answers with 180 then 200 OK within
 * three rings (rule R1), and RFC 4733 events from SIPp's own DTMF capture move the caller through
 * the menu: key 1 of the demo menu opens the billing level, whose option menu.option.bill-query the
 * caller hears only after the key press. What SIPp heard and sent is taken from a capture of its
 * media port.
 */
class AnswerAndMenuSystemTest {

    private static final String DEMO_NUMBER = "4008001234";
    private static final int TELEPHONE_EVENT = 101;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    @Test
    void answersWithinThreeRingsAndKeyOneOpensTheBillingMenu() {
        AudioClip welcome = HotlinePrompts.zhCn("greeting.welcome");
        AudioClip menuMain = HotlinePrompts.zhCn("menu.main");
        AudioClip billQuery = HotlinePrompts.zhCn("menu.option.bill-query");
        // press 1 while the top menu reads its options (menus are barge-in)
        Duration pressAfterAck = HotlinePrompts.longestZhCn(HotlinePrompts.SALUTATIONS).plus(welcome.duration())
                .plus(menuMain.duration()).plus(Duration.ofSeconds(1));
        int callerMedia = FreePorts.block(4, 2);

        try (HotlineUnderTest hotline = InProcessHotline.start();
             RtpCapture atCaller = RtpCapture.start(callerMedia, RunDirectory.create("menu-capture"))) {
            SippResult caller = Sipp.scenario("uac-greeting.xml").remote(Sipp.LOOPBACK, hotline.sipPort())
                    .mediaPort(callerMedia).service(DEMO_NUMBER).defaultPause(pressAfterAck).timeout(RUN_LIMIT).run();
            RtpCapture.Captured captured = atCaller.stop();

            caller.assertPassed();
            SipTraceMessage ringing = caller.firstReceivedResponse(180, "INVITE");
            SipTraceMessage answer = caller.firstReceivedResponse(200, "INVITE");
            assertTrue(ringing.at().isBefore(answer.at()), "180 before 200:\n" + caller.summary());
            assertTrue(answer.since(ringing).compareTo(SipConfig.THREE_RING_LIMIT) <= 0,
                    "rule R1: 200 OK " + answer.since(ringing) + " after 180");

            List<RtpAudio.KeyPress> keys = RtpAudio.keyPresses(captured.sent(), TELEPHONE_EVENT);
            assertEquals(List.of('1'), keys.stream().map(RtpAudio.KeyPress::key).toList(), "SIPp pressed 1: " + keys);
            RtpAudio.Heard heard = RtpAudio.decode("sipp-heard", captured.received(), RtpAudio.PCMU);
            Duration keyAt = Duration.between(heard.start(), keys.getFirst().at());
            AudioMatch.Match greeting = AudioMatch.assertContains(heard.audio(), welcome, AudioMatch.DEFAULT_MIN_SCORE);
            assertTrue(greeting.end().compareTo(keyAt) <= 0, "the greeting " + greeting + " was heard before the key at " + keyAt);
            List<AudioMatch.Match> billingOptions = AudioMatch.all(heard.audio(), billQuery, AudioMatch.DEFAULT_MIN_SCORE);
            assertFalse(billingOptions.isEmpty(), "after pressing 1 the caller hears the billing level's options");
            assertTrue(billingOptions.stream().allMatch(m -> m.offset().compareTo(keyAt) > 0),
                    "the billing options come only after the key at " + keyAt + ": " + billingOptions);
        }
    }
}
