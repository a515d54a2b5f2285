package org.hotline.agi;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.hotline.call.AgentFeatureCodes;
import org.hotline.call.CallAdmission;
import org.hotline.call.IncomingCallHandler;
import org.hotline.call.OutboundRoute;
import org.hotline.call.QueueGateway;
import org.hotline.config.AgiConfig;
import org.hotline.event.CallEventListener;
import org.hotline.prompt.PromptLibrary;

/**
 * Hotline behind Asterisk (issue 6): the FastAGI server and the AMI connection, wired in one place.
 * The AGI scripts the dialplan may name ({@code agi_network_script}):
 * <ul>
 *   <li>{@code hotline}: a caller; past {@code overload.maxCalls} the busy line or a refusal
 *       ({@link AgiAdmission}), else an {@link AgiCall} is handed to the call flow (the same
 *       {@code CallFlow} and ACD as the standalone front);</li>
 *   <li>{@code agent}: an agent's phone answered the Originate of an {@link AgiAgentOffer};</li>
 *   <li>{@code feature}: an agent dialled a feature code ({@link AgiFeatureCall}).</li>
 * </ul>
 * Started and closed by the composition root's thread.
 */
public final class AgiFront implements AutoCloseable {

    public static final String CALLER_SCRIPT = "hotline";
    public static final String AGENT_SCRIPT = "agent";
    public static final String FEATURE_SCRIPT = "feature";

    private final AmiClient ami;
    private final AgiServer server;

    private AgiFront(AmiClient ami, AgiServer server) {
        this.ami = ami;
        this.server = server;
    }

    /**
     * What the front needs from the rest of Hotline.
     *
     * @param workNumbers  the configured agents, whose reachability Asterisk's device states decide
     * @param language     the language of what agents hear (feature-code answers)
     * @param reachability where agents' reachability goes ({@code AcdDriver::agentReachable})
     */
    public record Wiring(AgiConfig config, List<String> workNumbers, PromptLibrary prompts, String language,
            QueueGateway queues, IncomingCallHandler calls, CallEventListener events, Clock clock,
            BiConsumer<String, Boolean> reachability, AgentFeatureCodes featureCodes, AgiRecordingListener recordings) {
        public Wiring {
            Objects.requireNonNull(config, "config");
            workNumbers = List.copyOf(workNumbers);
        }
    }

    /** MixMonitor's recordings registered like the standalone recorder's (rule R14): the store, metrics. */
    public static AgiRecordingListener recordingsTo(org.hotline.recording.RecordingListener listener) {
        return new AsteriskRecordings(listener);
    }

    /**
     * Rule R20 behind Asterisk: the overload limit (the same {@link CallAdmission} as the standalone
     * front's, so one limit counts every call) and what a caller past it hears.
     *
     * @param overloaded the busy line ({@code overload.treatment: message})
     */
    public record Continuity(CallAdmission admission, IncomingCallHandler overloaded) {
        /** No limit. */
        public static final Continuity NONE = new Continuity(CallAdmission.UNLIMITED, call -> {
            throw new IllegalStateException("no overload treatment without a limit");
        });

        public Continuity {
            Objects.requireNonNull(admission, "admission");
            Objects.requireNonNull(overloaded, "overloaded");
        }
    }

    /** Asterisk's trunk as callers on this front are bridged through it (rule R19); see {@link AsteriskTrunk}. */
    public static OutboundRoute outboundRoute() {
        return new AsteriskTrunk();
    }

    /** Without an overload limit. */
    public static AgiFront start(Wiring wiring) {
        return start(wiring, Continuity.NONE);
    }

    /** Marks every agent unreachable, starts logging in to AMI and listening for FastAGI. */
    public static AgiFront start(Wiring wiring, Continuity continuity) {
        AgiConfig config = wiring.config();
        AgentPresence presence = new AgentPresence(wiring.workNumbers(), config.agentDialString(), wiring.reachability());
        presence.startUnreachable();
        AgentOffers offers = new AgentOffers(config);
        AmiClient ami = new AmiClient(config.ami(), presence, offers);
        PromptPaths prompts = new PromptPaths(config.promptsDirectory(), wiring.prompts());
        AgiCallContext context = new AgiCallContext(config, prompts, wiring.queues(), wiring.events(), wiring.clock(),
                ami, offers, wiring.recordings());
        AgiFeatureCall features = new AgiFeatureCall(wiring.featureCodes(), prompts, wiring.language());
        AgiAdmission admission = new AgiAdmission(continuity.admission(), continuity.overloaded(), wiring.events(),
                wiring.clock());
        Map<String, AgiScript> scripts = Map.of(
                CALLER_SCRIPT, session -> admission.onCaller(session, context, wiring.calls()),
                AGENT_SCRIPT, offers::onAgentSession,
                FEATURE_SCRIPT, features::start);
        ami.start();
        try {
            return new AgiFront(ami, AgiServer.start(config.bindAddress(), config.port(), config.eventLoopThreads(), scripts));
        } catch (RuntimeException e) {
            ami.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public boolean managerConnected() {
        return ami.isConnected();
    }

    /** Stops accepting AGI sessions, closes those open (Asterisk continues their dialplans), logs off AMI. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            ami.close();
        }
    }
}
