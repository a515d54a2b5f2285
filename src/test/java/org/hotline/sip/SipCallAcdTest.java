package org.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.call.Announcement;
import org.hotline.call.Playback;
import org.hotline.sip.AgentsFixture.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the ACD asks of a caller's call besides agents: background playback and the hang-up notice. */
class SipCallAcdTest {

    private final AgentsFixture fixture = new AgentsFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void musicOnHoldLoopsUntilStoppedWithoutBlocking() throws Exception {
        try (SipTestPhone phone = fixture.front.udpPhone()) {
            Caller caller = fixture.connectedCaller(phone);
            Playback music = caller.control().startPlayback(Announcement.of("zh-CN", "queue.please-hold"), true);
            assertEquals(List.of(List.of("queue.please-hold")), caller.media().loops);
            assertFalse(music.isDone());
            music.stop();
            assertTrue(music.isDone());
            music.stop();
            caller.call().bye();
            phone.awaitResponse(caller.call().callId, "BYE", 200);
            Playback afterEnd = caller.control().startPlayback(Announcement.of("zh-CN", "queue.please-hold"), true);
            assertTrue(afterEnd.isDone(), "nothing plays to a caller who has gone");
            fixture.awaitNothingLeft();
        }
    }

    @Test
    void theHangUpNoticeRunsOnceWhenTheCallerHangsUpAndAtOnceAfterwards() throws Exception {
        try (SipTestPhone phone = fixture.front.udpPhone()) {
            Caller caller = fixture.connectedCaller(phone);
            List<String> notices = new CopyOnWriteArrayList<>();
            caller.control().whenHungUp(() -> notices.add("first"));
            assertTrue(notices.isEmpty());
            caller.call().bye();
            phone.awaitResponse(caller.call().callId, "BYE", 200);
            assertEquals(List.of("first"), notices);
            caller.control().whenHungUp(() -> notices.add("late"));
            assertEquals(List.of("first", "late"), notices);
            fixture.awaitNothingLeft();
        }
    }
}
