package org.hotline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.hotline.acd.AcdEventListener;
import org.hotline.acd.runtime.AcdConfigMapping;
import org.hotline.acd.runtime.AcdDriver;
import org.hotline.acd.runtime.AcdRegistrationListener;
import org.hotline.acd.runtime.AcdEventRouter;
import org.hotline.acd.runtime.AcdFeatureCodes;
import org.hotline.acd.runtime.AcdQueueGateway;
import org.hotline.acd.runtime.AgentEventLog;
import org.hotline.acd.runtime.CallbackSettings;
import org.hotline.acd.runtime.SingleThreadSerialExecutor;
import org.hotline.agi.AgiFront;
import org.hotline.call.BusyLine;
import org.hotline.call.CallAdmission;
import org.hotline.call.CallFlow;
import org.hotline.call.CallFlowRunner;
import org.hotline.call.OutboundRoutes;
import org.hotline.call.PromptNames;
import org.hotline.config.AgentConfig;
import org.hotline.config.ConfigException;
import org.hotline.config.HotlineConfig;
import org.hotline.config.SipConfig;
import org.hotline.event.CallEventListener;
import org.hotline.event.CompositeCallEventListener;
import org.hotline.event.LoggingCallEventListener;
import org.hotline.http.AcdResource;
import org.hotline.http.HttpApi;
import org.hotline.http.OperationsResource;
import org.hotline.http.Route;
import org.hotline.http.StoreRoutes;
import org.hotline.http.RuntimeResource;
import org.hotline.media.rtp.RtpEngine;
import org.hotline.metrics.AcdSnapshot;
import org.hotline.metrics.HotlineMetrics;
import org.hotline.metrics.MetricsCatalog;
import org.hotline.metrics.MetricsEndpoint;
import org.hotline.prompt.FallbackPrompts;
import org.hotline.prompt.PromptLibrary;
import org.hotline.recording.RecordingListener;
import org.hotline.recording.RecordingListeners;
import org.hotline.recording.Recordings;
import org.hotline.qa.QaCoverage;
import org.hotline.qa.QaSampler;
import org.hotline.qa.QaService;
import org.hotline.retention.RetentionJob;
import org.hotline.sip.AgentAccess;
import org.hotline.sip.registrar.DigestAlgorithm;
import org.hotline.sip.SipFront;
import org.hotline.sip.TrunkRoute;
import org.hotline.sip.SipTuning;
import org.hotline.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds every part from the validated configuration,
 * wires them by hand, starts them in order (prompts, the store, recordings with their crash repair,
 * the metrics, the ACD on its serial executor, media, the HTTP API with /metrics and /health, SIP
 * and the FastAGI front last so no call arrives before the rest is ready, then the daily retention
 * job) and stops them in reverse. Start and close are called from one thread (main, the shutdown
 * hook, or a test); the count methods from any thread.
 */
public final class Hotline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hotline.class);
    /** How often rule R14's QA coverage is counted for the metrics (the alert waits an hour anyway). */
    private static final Duration QA_COVERAGE_INTERVAL = Duration.ofMinutes(5);

    private final Store store;
    private final AcdDriver acd;
    private final HttpApi http;
    private final RtpEngine media;
    private final CallFlowRunner flows;
    private final SipFront sip;
    private final Optional<AgiFront> agi;
    private final Recordings recordings;
    private final HotlineMetrics metrics;
    private final QaCoverage qaCoverage;
    private final RetentionJob retention;

    private Hotline(Store store, AcdDriver acd, HttpApi http, RtpEngine media, CallFlowRunner flows, SipFront sip,
            Optional<AgiFront> agi, Recordings recordings, HotlineMetrics metrics, QaCoverage qaCoverage,
            RetentionJob retention) {
        this.qaCoverage = qaCoverage;
        this.store = store;
        this.retention = retention;
        this.metrics = metrics;
        this.acd = acd;
        this.http = http;
        this.media = media;
        this.flows = flows;
        this.sip = sip;
        this.agi = agi;
        this.recordings = recordings;
    }

    /** Starts a server on the configuration; the log listener always gets the call events. */
    public static Hotline start(HotlineConfig config, Clock clock) {
        return start(config, clock, CallEventListener.NONE);
    }

    /**
     * @param extraListener another call-event listener (tests observe calls through it)
     * @throws ConfigException  if a prompt the configuration plays is missing, or the recordings
     *                          directory cannot be created or read
     * @throws org.hotline.prompt.PromptException if a prompt file is unusable
     */
    public static Hotline start(HotlineConfig config, Clock clock, CallEventListener extraListener) {
        return start(config, clock, extraListener, RecordingListener.NONE);
    }

    /**
     * @param recordingListener told of every recording started, finished (also those repaired after a
     *                          crash, at start-up) or failed (rule R14); finished ones are logged anyway
     */
    public static Hotline start(HotlineConfig config, Clock clock, CallEventListener extraListener,
            RecordingListener recordingListener) {
        Objects.requireNonNull(config, "config");
        PromptLibrary prompts = PromptLibrary.load(config.prompts().directory(), config.service().languages());
        requirePrompts(config, prompts);
        // Call records and the event log (issue 4): the store's listener only queues; one writer thread writes.
        Store store = Store.open(config.store(), clock);
        HotlineMetrics metrics = HotlineMetrics.create(config, clock);
        // Rule R14: crash leftovers are repaired and registered in the store before any call.
        RecordingListener recordingsListener = RecordingListeners.of(store.keeper(), metrics.recordings(), recordingListener);
        Recordings recordings = Recordings.open(Recordings.Setup.of(config, new SplittableRandom()), recordingsListener);
        CallAdmission admission = new CallAdmission(config.overload()); // rule R20: frees a slot on each Ended
        // Recordings first: a recording's timeline starts and ends when its event arrives (rule R14).
        CallEventListener events = new CompositeCallEventListener(List.of(recordings, new LoggingCallEventListener(),
                store.keeper(), metrics.callEvents(), admission, extraListener));
        MessageWiring messages; // rules R9, R19, R20: kept like recordings, in the store too
        try {
            messages = MessageWiring.open(config, events, clock, recordingsListener, store.keeper()::audit);
        } catch (RuntimeException e) {
            recordings.close();
            metrics.close();
            store.close();
            throw e;
        }
        SipConfig sipConfig = AdvertisedAddress.resolve(config.sip());

        AcdEventListener agentLog = new AgentEventLog();
        AcdEventListener agentEvents = event -> {
            agentLog.onEvent(event);
            store.keeper().onEvent(event);
        };
        AcdDriver acd = new AcdDriver(AcdConfigMapping.setup(config), clock, new SingleThreadSerialExecutor(),
                metrics.acdEvents(new AcdEventRouter(events, agentEvents)), store.keeper()); // rule R12: callbacks kept
        TrunkRoute trunk = TrunkRoute.of(config.trunk()); // rules R12, R19: bound to the SIP stack when it starts
        AcdQueueGateway queues = new AcdQueueGateway(acd, AcdConfigMapping.directory(config),
                config.service().defaultLanguage(), clock, events, trunk, CallbackSettings.of(config.callback()));
        // Agents' softphones: REGISTER with digest auth and *1/*2/*3/*0 feature-code calls (issue 3).
        // Registration is the agents' device state: only reachable agents are offered calls.
        AcdRegistrationListener reachability = new AcdRegistrationListener(acd);
        reachability.startUnreachable(config.agents().members().stream().map(AgentConfig::workNumber).toList());
        AgentAccess agents = new AgentAccess(AgentCredentials.of(config.agents()), config.agents().realm(),
                reachability, new AcdFeatureCodes(acd), config.agents().digestAlgorithms().stream()
                        .map(token -> DigestAlgorithm.fromToken(token).orElseThrow()).toList());
        RtpEngine media = new RtpEngine(config.rtp(), metrics.rtpSessions());
        // rule R19: each caller is bridged out through the trunk of the front they came in on
        CallFlowRunner flows = new CallFlowRunner(new CallFlow(config, events, clock, messages.taking(),
                new OutboundRoutes(trunk, AgiFront.outboundRoute())));
        BusyLine busyLine = new BusyLine(config.service().defaultLanguage(), events, clock); // rule R20, both fronts
        SipFront sip = new SipFront(new SipFront.Wiring(sipConfig, config.service(), media, new FallbackPrompts(prompts),
                queues, flows, events, clock, SipTuning.DEFAULTS, agents, recordings, metrics.sipTraffic()),
                new SipFront.Continuity(admission, busyLine, trunk));
        // issue 5: /metrics and /health beside the ACD's and the store's routes; SIP is reported down until it starts below
        MetricsEndpoint operations = metrics.endpoint(new HotlineMetrics.Components(sip::running, sip::activeCalls,
                media::running, media::sessionsInUse, media::openSessionStatistics,
                () -> acd.queues().thenCombine(acd.agents(), AcdSnapshot::new), List.of()));
        HttpApi http;
        try {
            List<Route> routes = routes(acd, clock, media, flows, sip);
            routes.addAll(StoreRoutes.of(store, config.qa(), config.service().timeZone(), clock));
            routes.addAll(messages.routes());
            routes.addAll(new OperationsResource(operations::scrape, MetricsEndpoint.CONTENT_TYPE, operations::health)
                    .routes());
            http = HttpApi.start(config.http(), routes);
        } catch (RuntimeException e) {
            flows.close();
            recordings.close();
            media.close();
            acd.close();
            metrics.close();
            store.close();
            throw e;
        }
        // Rule R14's coverage for the "QA coverage short" alert, counted off the call path.
        QaCoverage qaCoverage = QaCoverage.start(new QaService(store.calls(), store.qa(),
                new QaSampler(config.qa().samplesPerAgentPerWeek(), config.qa().seed()), config.service().timeZone(), clock)
                ::agentsUnderSampled, metrics.catalog()::qaAgentsUnderSampled, QA_COVERAGE_INTERVAL);
        Optional<AgiFront> agi = Optional.empty();
        try {
            agi = startAgi(config, prompts, queues, flows, events, clock, acd, recordingsListener,
                    new AgiFront.Continuity(admission, busyLine));
            sip.start();
        } catch (RuntimeException e) {
            agi.ifPresent(AgiFront::close);
            qaCoverage.close();
            flows.close();
            recordings.close();
            media.close();
            http.close();
            acd.close();
            metrics.close();
            store.close();
            throw e;
        }
        // Rule R12: callbacks an earlier run left pending go back in line once the trunk is up and the database read.
        store.pendingCallbacks().thenCompose(queues::restoreCallbacks).whenComplete((restored, failure) -> {
            if (failure != null) {
                log.atError().setCause(failure).log("pending callbacks could not be read or restored; they stay pending in the store");
            }
        });
        // Rule R15: expired recordings are deleted daily off-peak, on the job's own thread.
        RetentionJob retention = RetentionJob.start(config, store, clock, messages.hold()); // a message's audio is held until handled
        log.atInfo().addKeyValue("sipPort", sip.port()).addKeyValue("advertised", sipConfig.advertisedAddress())
                .addKeyValue("numbers", config.service().numbers()).addKeyValue("httpPort", http.port())
                .log("Hotline is answering");
        return new Hotline(store, acd, http, media, flows, sip, agi, recordings, metrics, qaCoverage, retention);
    }

    /** Behind Asterisk (issue 6, {@code agi.enabled}): the FastAGI front runs the same flows and ACD. */
    private static Optional<AgiFront> startAgi(HotlineConfig config, PromptLibrary prompts, AcdQueueGateway queues,
            CallFlowRunner flows, CallEventListener events, Clock clock, AcdDriver acd, RecordingListener recordings,
            AgiFront.Continuity continuity) {
        if (!config.agi().enabled()) {
            return Optional.empty();
        }
        return Optional.of(AgiFront.start(new AgiFront.Wiring(config.agi(),
                config.agents().members().stream().map(AgentConfig::workNumber).toList(), prompts,
                config.service().defaultLanguage(), queues, flows, events, clock, acd::agentReachable,
                new AcdFeatureCodes(acd), AgiFront.recordingsTo(recordings)), continuity));
    }

    /** The ACD's routes and the runtime counts the load bench reads (issue 7); the caller adds the rest. */
    private static List<Route> routes(AcdDriver acd, Clock clock, RtpEngine media, CallFlowRunner flows, SipFront sip) {
        RuntimeResource runtime = new RuntimeResource(() -> new RuntimeResource.Counts(sip.activeCalls(),
                sip.activeAgentLegs(), flows.liveFlows(), sip.stackDialogs(),
                sip.stackServerTransactions() + sip.stackClientTransactions(), media.sessionsInUse()), media::totals);
        List<Route> routes = new ArrayList<>(new AcdResource(acd, clock).routes());
        routes.addAll(runtime.routes());
        return routes;
    }

    /**
     * Every prompt the call flow and the ACD can play must exist in every language offered (music
     * on hold may come from the common tree), checked before any call.
     */
    private static void requirePrompts(HotlineConfig config, PromptLibrary prompts) {
        Set<String> played = new TreeSet<>(PromptNames.playedWith(config.ivr()));
        played.addAll(AcdConfigMapping.promptsPlayed(config));
        played.addAll(MessageWiring.promptsPlayed(config));
        List<String> missing = new ArrayList<>();
        for (String language : config.service().languages()) {
            for (String name : played) {
                if (!prompts.has(name, language)) {
                    missing.add(language + "/" + name + ".wav");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(config.prompts().directory().toString(), "prompts.directory",
                    "missing prompt files the menu, call flow and queues play: " + String.join(", ", missing));
        }
    }

    public int httpPort() {
        return http.port();
    }

    public int sipPort() {
        return sip.port();
    }

    /** The FastAGI port, when {@code agi.enabled}. */
    public Optional<Integer> agiPort() {
        return agi.map(AgiFront::port);
    }

    public int activeCalls() {
        return sip.activeCalls();
    }

    public int liveCallFlows() {
        return flows.liveFlows();
    }

    public int mediaSessionsInUse() {
        return media.sessionsInUse();
    }

    public int stackDialogs() {
        return sip.stackDialogs();
    }

    public int stackTransactions() {
        return sip.stackServerTransactions() + sip.stackClientTransactions();
    }

    /** Recordings being written (running calls, and ended ones still closing their files). */
    public int activeRecordings() {
        return recordings.activeRecordings();
    }

    /** The store: call records, the event log, recordings' metadata; its keeper is the recorder's listener. */
    public Store store() {
        return store;
    }

    /** The metrics catalog (docs/metrics.md). */
    public MetricsCatalog metrics() {
        return metrics.catalog();
    }

    /**
     * Stops SIP first (active calls get a BYE) and the FastAGI front, then the call flows, the
     * recordings (files closed), media, the HTTP API, the ACD, the retention job, the metrics and last the store, so the calls' last
     * events are written (or spooled).
     */
    @Override
    public void close() {
        List<Runnable> inOrder = List.of(sip::close, () -> agi.ifPresent(AgiFront::close), qaCoverage::close, flows::close,
                recordings::close, media::close, http::close, acd::close, retention::close, metrics::close, store::close);
        RuntimeException first = null;
        for (Runnable part : inOrder) {
            try {
                part.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        log.info("Hotline stopped");
    }
}
