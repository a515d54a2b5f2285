package org.hotline.acd;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** An engine on a fake clock with a recording front: the fixture of the engine tests. */
final class TestAcd {

    /** 2025-03-03 09:00 in Shanghai. */
    static final Instant START = Instant.parse("2025-03-03T01:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final FakeClock clock = new FakeClock(START);
    final RecordingFront front = new RecordingFront();
    /** Every entry the engine gave its callback ledger (rule R12), in order. */
    final List<CallbackEntry> ledger = new ArrayList<>();
    final AcdEngine engine;

    private TestAcd(List<QueuePolicy> queues, List<AgentProfile> agents, CallbackPolicy callbacks) {
        engine = new AcdEngine(new AcdSetup(queues, agents, SHANGHAI, callbacks), clock, front, front, ledger::add);
    }

    static Builder with(QueuePolicy... queues) {
        return new Builder(List.of(queues));
    }

    /** Logs these agents in (in this order, one second apart so their idle order is known) and forgets the output. */
    TestAcd loggedIn(String... workNumbers) {
        for (String workNumber : workNumbers) {
            engine.login(workNumber);
            clock.advanceSeconds(1);
        }
        front.clear();
        return this;
    }

    Instant now() {
        return clock.instant();
    }

    AgentInfo agent(String workNumber) {
        return engine.agent(workNumber).orElseThrow();
    }

    static final class Builder {
        private final List<QueuePolicy> queues;
        private final List<AgentProfile> agents = new ArrayList<>();
        private CallbackPolicy callbacks = CallbackPolicy.DEFAULTS;

        private Builder(List<QueuePolicy> queues) {
            this.queues = queues;
        }

        Builder agent(String workNumber, String... queueNames) {
            agents.add(AgentProfile.of(workNumber, "Agent " + workNumber, queueNames));
            return this;
        }

        Builder agent(AgentProfile profile) {
            agents.add(profile);
            return this;
        }

        /** Rule R12's callback timing. */
        Builder callbacks(CallbackPolicy policy) {
            callbacks = policy;
            return this;
        }

        TestAcd build() {
            return new TestAcd(queues, agents, callbacks);
        }
    }
}
