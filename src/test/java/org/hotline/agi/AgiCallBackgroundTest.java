package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.call.AgentLeg;
import org.hotline.call.AgentOfferListener;
import org.hotline.call.Announcement;
import org.hotline.call.Playback;
import org.hotline.call.QueueOutcome;
import org.hotline.config.ConfigLoader;
import org.hotline.event.CallEventListener;
import org.hotline.prompt.PromptLibrary;
import org.junit.jupiter.api.Test;

/**
 * What a queued or bridged AGI caller hears without the call's thread waiting on Asterisk: the queue
 * music is Asterisk's (SET MUSIC ON/OFF), rule R7's announcements are queued CONTROL STREAM FILEs
 * that AMI ControlPlayback stops at once, and the bridge is recorded (MixMonitor) and ended by the
 * Bridge's reply. On {@link EmbeddedChannel}s: the caller's and the agent's FastAGI sessions.
 */
class AgiCallBackgroundTest {

    private static final String PROMPTS = "/var/lib/hotline/prompts";

    private final List<String> ami = new CopyOnWriteArrayList<>();
    private final List<String> recordings = new CopyOnWriteArrayList<>();
    private final AgentOffers offers = new AgentOffers(ConfigLoader.loadDefault(Map.of()).agi());
    private final AgiCallContext context = new AgiCallContext(ConfigLoader.loadDefault(Map.of()).agi(),
            new PromptPaths(PROMPTS, PromptLibrary.load(Path.of("prompts"), List.of("zh-CN"))),
            (call, request) -> QueueOutcome.ABANDONED, CallEventListener.NONE,
            Clock.fixed(Instant.parse("2026-03-10T01:30:00Z"), ZoneOffset.UTC), new RecordingAsterisk(), offers,
            new AgiRecordingListener() {
                @Override
                public void recordingStarted(Recording recording) {
                    recordings.add("started " + recording.file());
                }

                @Override
                public void recordingFinished(Recording recording) {
                    recordings.add("finished " + recording.agent());
                }
            });
    private final AtomicReference<AgiCall> call = new AtomicReference<>();
    private final AtomicReference<AgiSession> agentSession = new AtomicReference<>();
    private final EmbeddedChannel caller = channel();
    private final EmbeddedChannel agent = channel();

    @Test
    void queueMusicIsAsterisksMusicOnHoldStartedAndStoppedWithoutWaiting() {
        open();
        Playback music = call.get().startPlayback(Announcement.of("zh-CN", "music.hold"), true);
        assertEquals("SET MUSIC ON \"hotline\"", sent(caller));
        reply(caller, "200 result=0");

        music.stop();
        assertEquals("SET MUSIC OFF", sent(caller));
        assertTrue(music.isDone());
    }

    @Test
    void anAnnouncementIsStoppedByControlPlaybackTheMomentItIsNoLongerWanted() {
        open();
        Playback announcement = call.get().startPlayback(
                Announcement.of("zh-CN", "queue.please-hold", "queue.position.before", "digit.2"), false);
        assertEquals("CONTROL STREAM FILE \"" + PROMPTS + "/zh-CN/queue.please-hold\" \"\" 0", sent(caller));
        assertNull(caller.readOutbound(), "one command at a time");

        announcement.stop();
        assertEquals(List.of("ControlPlayback stop PJSIP/trunk-00000001"), ami);
        reply(caller, "200 result=0 endpos=3000"); // Asterisk's reply once the playback stopped
        assertNull(caller.readOutbound(), "the prompts not yet sent were withdrawn");
        assertTrue(announcement.isDone());
    }

    @Test
    void anAnswerBridgesTheCallerRecordedUntilTheAgentHangsUp() {
        open();
        AtomicReference<AgentLeg> leg = new AtomicReference<>();
        offers.offer(call.get(), "1001", new AgentOfferListener() {
            @Override
            public void answered(AgentLeg answered) {
                leg.set(answered);
            }

            @Override
            public void failed(String reason) {
                throw new AssertionError(reason);
            }
        });
        assertEquals(List.of("Originate PJSIP/1001 1773106200.1-1001-1"), ami);
        agent.writeInbound(text("agi_network: yes\nagi_network_script: agent\nagi_channel: PJSIP/1001-00000002\n"
                + "agi_uniqueid: 1773106200.1-1001-1\n\n"));
        offers.onAgentSession(agentSession.get());

        leg.get().relay(true);
        assertEquals("SET VARIABLE \"CHANNEL(musicclass)\" \"hotline-hold\"", sent(caller));
        reply(caller, "200 result=1");
        assertEquals("EXEC \"MixMonitor\" \"/var/spool/asterisk/monitor/hotline/1773106200.1-1001.wav,b\"", sent(caller));
        reply(caller, "200 result=0");
        assertEquals("EXEC \"Bridge\" \"1773106200.1-1001-1,x\"", sent(caller));
        Playback held = call.get().startPlayback(Announcement.of("zh-CN", "music.hold"), true);
        assertNull(caller.readOutbound(), "while bridged Asterisk plays the hold music itself");
        assertFalse(held.isDone());

        reply(caller, "200 result=0");
        assertEquals(AgentLeg.LegEvent.HUNG_UP, leg.get().awaitEvent(AsteriskSite.TIMEOUT));
        assertEquals("EXEC \"StopMixMonitor\" \"\"", sent(caller));
        assertEquals(List.of("started /var/spool/asterisk/monitor/hotline/1773106200.1-1001.wav", "finished 1001"),
                recordings);
    }

    private void open() {
        caller.writeInbound(text("agi_network: yes\nagi_network_script: hotline\nagi_channel: PJSIP/trunk-00000001\n"
                + "agi_uniqueid: 1773106200.1\nagi_callerid: 13800138000\nagi_dnid: 4008001234\n\n"));
    }

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new LineBasedFrameDecoder(8192), new AgiMessageDecoder(), new AgiCommandEncoder(),
                new AgiSessionHandler(Map.of(
                        AgiFront.CALLER_SCRIPT, session -> call.set(new AgiCall(context, session)),
                        AgiFront.AGENT_SCRIPT, agentSession::set)));
    }

    private static String sent(EmbeddedChannel channel) {
        ByteBuf line = channel.readOutbound();
        try {
            return line.toString(StandardCharsets.UTF_8).stripTrailing();
        } finally {
            line.release();
        }
    }

    private static void reply(EmbeddedChannel channel, String line) {
        channel.writeInbound(text(line + "\n"));
    }

    private static ByteBuf text(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    /** Records the AMI actions instead of sending them. */
    private final class RecordingAsterisk implements AsteriskManager {
        @Override
        public void originate(Origination origination) {
            ami.add("Originate " + origination.dialString() + " " + origination.channelId());
        }

        @Override
        public void hangup(String channel) {
            ami.add("Hangup " + channel);
        }

        @Override
        public void stopPlayback(String channel) {
            ami.add("ControlPlayback stop " + channel);
        }
    }
}
