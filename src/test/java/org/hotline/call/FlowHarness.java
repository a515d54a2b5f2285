package org.hotline.call;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.config.IvrConfig;
import org.hotline.config.MenuConfig;
import org.hotline.event.CallEvent;

/** One scripted call through {@link CallFlow} on the demo configuration, with its events recorded. */
final class FlowHarness {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A Monday morning, inside office hours. */
    static final String MONDAY_MORNING = "2026-03-09T09:00";

    private final HotlineConfig config;
    private final Instant start;
    final FakeClock clock;
    final ScriptedCallControl call;
    private final List<CallEvent> events = Collections.synchronizedList(new ArrayList<>());
    private MessageTaking messages = MessageTaking.NONE;

    FlowHarness() {
        this(ConfigLoader.loadDefault(Map.of()), MONDAY_MORNING);
    }

    FlowHarness(String localStart) {
        this(ConfigLoader.loadDefault(Map.of()), localStart);
    }

    FlowHarness(HotlineConfig config, String localStart) {
        this.config = config;
        this.start = LocalDateTime.parse(localStart).atZone(SHANGHAI).toInstant();
        this.clock = new FakeClock(start);
        this.call = new ScriptedCallControl("call-1@test", clock, events::add);
    }

    /** Where the flow offers messages (rules R9, R19, R20); none by default. */
    FlowHarness messages(MessageTaking taking) {
        this.messages = taking;
        return this;
    }

    FlowHarness run() {
        new CallFlow(config, events::add, clock, messages, OutboundRoute.NONE).run(call);
        return this;
    }

    List<String> steps() {
        return call.steps();
    }

    /** Events as short lines, e.g. {@code QueueRequested billing [1, 1]}. */
    List<String> events() {
        return List.copyOf(events).stream().map(FlowHarness::describe).toList();
    }

    /** Events with their fake-clock offset from the start, e.g. {@code @5s NoInput [] REPEATED}. */
    List<String> timedEvents() {
        return List.copyOf(events).stream()
                .map(event -> "@" + Duration.between(start, event.at()).toSeconds() + "s " + describe(event))
                .toList();
    }

    static String describe(CallEvent event) {
        return switch (event) {
            case CallEvent.Offered e -> "Offered " + e.caller();
            case CallEvent.Answered e -> "Answered";
            case CallEvent.Greeted e -> "Greeted " + e.prompts();
            case CallEvent.MenuEntered e -> "MenuEntered " + e.path() + " " + e.attempt();
            case CallEvent.DigitReceived e -> "DigitReceived " + e.digit();
            case CallEvent.InvalidInput e -> "InvalidInput " + e.path() + " " + e.digit();
            case CallEvent.NoInput e -> "NoInput " + e.path() + " " + e.step();
            case CallEvent.LanguageChanged e -> "LanguageChanged " + e.language();
            case CallEvent.QueueRequested e -> "QueueRequested " + e.queue() + " " + e.menuPath();
            case CallEvent.QueueLeft e -> "QueueLeft " + e.queue() + " " + e.outcome();
            case CallEvent.SurveyAnswered e -> "SurveyAnswered " + e.queue() + " " + e.score();
            case CallEvent.TransferAttempted e -> "TransferAttempted " + e.target() + " " + e.succeeded();
            case CallEvent.Ended e -> "Ended " + e.reason();
            case CallEvent.QueueEntered e -> "QueueEntered " + e.queue() + " " + e.position();
            case CallEvent.WaitAnnounced e -> "WaitAnnounced " + e.queue() + " " + e.position();
            case CallEvent.AgentOffered e -> "AgentOffered " + e.queue() + " " + e.agents();
            case CallEvent.AgentNoAnswer e -> "AgentNoAnswer " + e.agent();
            case CallEvent.AgentDeclined e -> "AgentDeclined " + e.agent();
            case CallEvent.QueueOverflowed e -> "QueueOverflowed " + e.fromQueue() + " " + e.toQueue();
            case CallEvent.AgentConnected e -> "AgentConnected " + e.queue() + " " + e.agent();
            case CallEvent.HeldByAgent e -> "HeldByAgent " + e.agent();
            case CallEvent.HoldAnnounced e -> "HoldAnnounced " + e.agent();
            case CallEvent.ResumedByAgent e -> "ResumedByAgent " + e.agent();
            case CallEvent.TransferredByAgent e -> "TransferredByAgent " + e.agent() + " " + e.toQueue();
            case CallEvent.AgentCallEnded e -> "AgentCallEnded " + e.agent() + " " + e.endedBy();
            case CallEvent.QueueAbandoned e -> "QueueAbandoned " + e.queue();
            case CallEvent.QueueNotServed e -> "QueueNotServed " + e.queue() + " " + e.reason();
            case CallEvent.CallRefused e -> "CallRefused " + e.treatment();
            case CallEvent.CallbackOffered e -> "CallbackOffered " + e.queue();
            case CallEvent.CallbackRequested e -> "CallbackRequested " + e.queue() + " " + e.number() + " " + e.merged();
            case CallEvent.CallbackAttempted e -> "CallbackAttempted " + e.agent() + " " + e.attempt() + " " + e.result();
            case CallEvent.CallbackFinished e -> "CallbackFinished " + e.outcome() + " " + e.attempts();
            case CallEvent.MessageLeft e -> "MessageLeft " + e.endedBy();
        };
    }

    /** The demo's top level as announced to a caller in {@code language}. */
    static String mainMenu(String language) {
        String other = language.equals("zh-CN") ? "menu.option.english" : "menu.option.chinese";
        return "offer " + language + " menu.main menu.option.billing menu.press digit.1"
                + " menu.option.repair menu.press digit.2 " + other + " menu.press digit.9"
                + " menu.agent menu.press digit.0";
    }

    /** The demo's billing level, with the agent and back keys. */
    static String billingMenu(String language) {
        return "offer " + language + " menu.billing menu.option.bill-query menu.press digit.1"
                + " menu.option.payment menu.press digit.2 menu.agent menu.press digit.0 menu.back menu.press digit.star";
    }

    static String greeting(String salutation) {
        return "say zh-CN " + salutation + " greeting.welcome";
    }

    static HotlineConfig withMenu(HotlineConfig config, MenuConfig menu) {
        IvrConfig ivr = config.ivr();
        return new HotlineConfig(config.service(), config.sip(), config.rtp(), config.http(), config.prompts(),
                new IvrConfig(ivr.noInputTimeout(), ivr.hangupAfterGoodbye(), ivr.maxInvalidInputs(), ivr.agentKey(),
                        ivr.agentQueue(), menu),
                config.hours(), config.holidays(), config.queues(), config.agents(), config.agi(), config.recording(),
                config.store(), config.qa(), config.metrics(),
                config.trunk(), config.callback(), config.messages(), config.overload());
    }
}
