package org.hotline.sip;

import java.util.UUID;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import org.hotline.call.CallAdmission;
import org.hotline.call.EndReason;
import org.hotline.call.IncomingCallHandler;
import org.hotline.call.OutboundRoute;
import org.hotline.call.QueueGateway;
import org.hotline.config.ServiceConfig;
import org.hotline.config.SipConfig;
import org.hotline.config.TrunkConfig;
import org.hotline.event.CallEventListener;
import org.hotline.media.BridgeListener;
import org.hotline.media.MediaEngine;
import org.hotline.prompt.Prompts;
import org.hotline.sip.registrar.DigestAuthenticator;
import org.hotline.sip.registrar.DigestConfig;
import org.hotline.sip.registrar.DigestGate;
import org.hotline.sip.registrar.RegisterAuthentication;
import org.hotline.sip.registrar.RegisterHandler;
import org.hotline.sip.registrar.Registrar;
import org.hotline.sip.registrar.SipResponses;
import org.hotline.sip.registrar.SourceLockout;
import org.hotline.sip.sdp.SdpNegotiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone SIP front (issues 2 and 3): a JAIN-SIP RI stack listening on UDP and/or TCP, whose
 * one listener ({@link SipRequestDispatcher}) turns INVITEs into {@link SipCall}s for the call flow,
 * registers agents' softphones and runs their feature codes; calls offer agents through it (B2BUA).
 *
 * <p>THREADING: stack pool threads run the dispatcher and handlers, which never block; each call's
 * flow runs on the virtual thread the {@link IncomingCallHandler} starts; media callbacks come on
 * the media engine's event loop. {@link #start} and {@link #close} are called once each by the
 * composition root; the count methods may be called from any thread. One timer thread purges lapsed
 * registrations every second.
 */
public final class SipFront implements AutoCloseable {

    /**
     * Everything the front needs, wired by the composition root.
     *
     * @param tuning stack timers and limits not in the YAML ({@link SipTuning#DEFAULTS} in production)
     * @param agents agents' credentials, registration listener and feature codes ({@link AgentAccess#NONE}: none)
     * @param bridges told when a caller is bridged with an agent's media and when that ends (call
     *                recording, rule R14; {@link BridgeListener#NONE}: nobody)
     * @param traffic counts every request and response (issue 5's metrics; {@link SipTrafficListener#NONE}: none)
     */
    public record Wiring(
            SipConfig sip,
            ServiceConfig service,
            MediaEngine media,
            Prompts prompts,
            QueueGateway queues,
            IncomingCallHandler calls,
            CallEventListener events,
            Clock clock,
            SipTuning tuning,
            AgentAccess agents,
            BridgeListener bridges,
            SipTrafficListener traffic) {

        public Wiring {
            Objects.requireNonNull(sip, "sip");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(prompts, "prompts");
            Objects.requireNonNull(queues, "queues");
            Objects.requireNonNull(calls, "calls");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(tuning, "tuning");
            Objects.requireNonNull(agents, "agents");
            Objects.requireNonNull(bridges, "bridges");
            Objects.requireNonNull(traffic, "traffic");
            validate(sip);
        }

        /** A front whose bridges nobody watches and whose SIP traffic is not counted. */
        public Wiring(SipConfig sip, ServiceConfig service, MediaEngine media, Prompts prompts, QueueGateway queues,
                IncomingCallHandler calls, CallEventListener events, Clock clock, SipTuning tuning, AgentAccess agents) {
            this(sip, service, media, prompts, queues, calls, events, clock, tuning, agents, BridgeListener.NONE,
                    SipTrafficListener.NONE);
        }

        /** A front whose SIP traffic is not counted. */
        public Wiring(SipConfig sip, ServiceConfig service, MediaEngine media, Prompts prompts, QueueGateway queues,
                IncomingCallHandler calls, CallEventListener events, Clock clock, SipTuning tuning, AgentAccess agents,
                BridgeListener bridges) {
            this(sip, service, media, prompts, queues, calls, events, clock, tuning, agents, bridges, SipTrafficListener.NONE);
        }

        /** A front whose bridges nobody watches. */
        public Wiring(SipConfig sip, ServiceConfig service, MediaEngine media, Prompts prompts, QueueGateway queues,
                IncomingCallHandler calls, CallEventListener events, Clock clock, SipTuning tuning, AgentAccess agents,
                SipTrafficListener traffic) {
            this(sip, service, media, prompts, queues, calls, events, clock, tuning, agents, BridgeListener.NONE, traffic);
        }

        /** A front without agents (issue 2): REGISTER gets 404, feature codes 403. */
        public Wiring(SipConfig sip, ServiceConfig service, MediaEngine media, Prompts prompts, QueueGateway queues,
                IncomingCallHandler calls, CallEventListener events, Clock clock, SipTuning tuning) {
            this(sip, service, media, prompts, queues, calls, events, clock, tuning, AgentAccess.NONE);
        }

        public Wiring(SipConfig sip, ServiceConfig service, MediaEngine media, Prompts prompts, QueueGateway queues,
                IncomingCallHandler calls, CallEventListener events, Clock clock) {
            this(sip, service, media, prompts, queues, calls, events, clock, SipTuning.DEFAULTS);
        }

        /** A front with agents, with the default stack tuning. */
        public Wiring(SipConfig sip, ServiceConfig service, MediaEngine media, Prompts prompts, QueueGateway queues,
                IncomingCallHandler calls, CallEventListener events, Clock clock, AgentAccess agents) {
            this(sip, service, media, prompts, queues, calls, events, clock, SipTuning.DEFAULTS, agents);
        }

        private static void validate(SipConfig sip) {
            Duration ring = Objects.requireNonNull(sip.ringDelay(), "sip.ringDelay");
            if (ring.isNegative() || ring.compareTo(SipConfig.THREE_RING_LIMIT) > 0) {
                // rule R1: the 200 OK must come within three rings
                throw new IllegalArgumentException("sip.ringDelay must be within 0.." + SipConfig.THREE_RING_LIMIT
                        + " (rule R1), was " + ring);
            }
            if (sip.transports() == null || sip.transports().isEmpty()
                    || !Set.of("udp", "tcp").containsAll(sip.transports().stream()
                            .map(t -> t.toLowerCase(Locale.ROOT)).toList())) {
                throw new IllegalArgumentException("sip.transports must be udp and/or tcp, was " + sip.transports());
            }
            if (sip.port() < 1 || sip.port() > 65535) {
                throw new IllegalArgumentException("sip.port must be 1..65535 (one port for every transport), was "
                        + sip.port());
            }
            if (sip.stackThreads() < 1) {
                throw new IllegalArgumentException("sip.stackThreads must be positive, was " + sip.stackThreads());
            }
        }
    }

    /**
     * Issue 8's part of the front: rule R20's overload admission of new callers, the handler of the
     * callers past the limit (the busy message), and the outbound trunk (rules R12, R19).
     *
     * @param trunk the outbound route of {@code trunk:}, bound to this front's stack when it starts
     */
    public record Continuity(CallAdmission admission, IncomingCallHandler overloaded, TrunkRoute trunk) {

        /** Every caller admitted, no trunk. */
        public static final Continuity NONE = new Continuity(CallAdmission.UNLIMITED,
                call -> call.hangup(EndReason.OVERLOADED), TrunkRoute.of(TrunkConfig.DISABLED));

        public Continuity {
            Objects.requireNonNull(admission, "admission");
            Objects.requireNonNull(overloaded, "overloaded");
            Objects.requireNonNull(trunk, "trunk");
        }
    }

    private enum Lifecycle { NEW, RUNNING, CLOSED }

    private static final Logger log = LoggerFactory.getLogger(SipFront.class);

    private final Wiring wiring;
    private final Continuity continuity;
    private final TrunkRoute trunk;
    private final ActiveCalls calls = new ActiveCalls();
    private volatile Lifecycle lifecycle = Lifecycle.NEW;
    private SipStackImpl stack;
    private ScheduledExecutorService timers;
    private Registrar registrar;
    private TrunkRegistration trunkRegistration;
    private SipCallContext trunkContext;

    public SipFront(Wiring wiring) {
        this(wiring, Continuity.NONE);
    }

    /** A front with rule R20's overload admission and the outbound trunk (issue 8). */
    public SipFront(Wiring wiring, Continuity continuity) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.continuity = Objects.requireNonNull(continuity, "continuity");
        this.trunk = continuity.trunk();
    }

    /** Creates the stack and its listening points; throws {@link IllegalStateException} if it cannot. */
    public synchronized void start() {
        if (lifecycle != Lifecycle.NEW) {
            throw new IllegalStateException("SIP front already " + lifecycle);
        }
        SipConfig sip = wiring.sip();
        try {
            stack = new SipStackImpl(StackProperties.forServer(
                    "hotline-sip-" + sip.port() + "-" + UUID.randomUUID(), sip, wiring.tuning()));
            SipProvider provider = null;
            for (String transport : sip.transports()) {
                ListeningPoint lp = stack.createListeningPoint(sip.bindAddress(), sip.port(),
                        transport.toLowerCase(Locale.ROOT));
                if (provider == null) {
                    provider = stack.createSipProvider(lp);
                } else {
                    provider.addListeningPoint(lp);
                }
            }
            timers = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("hotline-sip-timers").daemon().factory());
            SipCallContext ctx = context(provider);
            trunkContext = ctx;
            provider.addSipListener(SipRequestDispatcher.assemble(ctx, new HashSet<>(wiring.service().numbers()),
                    wiring.calls(), agentDoor(ctx), continuity));
            stack.start();
        } catch (SipException | java.util.TooManyListenersException | javax.sip.InvalidArgumentException e) {
            if (stack != null) {
                stack.stop();
            }
            if (timers != null) {
                timers.shutdownNow();
            }
            throw new IllegalStateException("cannot start the SIP front on " + sip.bindAddress() + ":" + sip.port(), e);
        }
        timers.scheduleWithFixedDelay(this::purgeRegistrations, 1, 1, TimeUnit.SECONDS);
        startTrunk();
        lifecycle = Lifecycle.RUNNING;
        log.atInfo().addKeyValue("address", sip.bindAddress()).addKeyValue("port", sip.port())
                .addKeyValue("transports", sip.transports()).log("SIP front listening");
    }

    private SipCallContext context(SipProvider provider) {
        SipConfig sip = wiring.sip();
        String advertised = sip.advertisedAddress() == null || sip.advertisedAddress().isBlank()
                ? sip.bindAddress() : sip.advertisedAddress();
        SipMessaging messaging = new SipMessaging(new MessageFactoryImpl(), new HeaderFactoryImpl(),
                new AddressFactoryImpl(), provider, advertised, sip.port(), wiring.tuning(), wiring.traffic());
        AgentAccess agents = wiring.agents();
        registrar = new Registrar(agents.registrar(), wiring.clock(), messaging.addresses, agents.registrations());
        return new SipCallContext(messaging, new SdpNegotiator(), wiring.prompts(), wiring.queues(), wiring.events(),
                wiring.clock(), sip.ringDelay(), wiring.tuning(), calls, wiring.media(), registrar, timers,
                wiring.bridges());
    }

    /** Issue 8: outbound calls through the trunk from now on, and its registration if configured. */
    private void startTrunk() {
        TrunkConfig config = trunk.config();
        if (!config.enabled()) {
            return;
        }
        trunk.bind(trunkContext);
        if (config.registration().enabled()) {
            trunkRegistration = new TrunkRegistration(trunkContext, config, trunk.digest());
            trunkRegistration.start();
        }
        log.atInfo().addKeyValue("proxy", config.proxy().host() + ":" + config.proxy().port())
                .addKeyValue("registering", config.registration().enabled()).log("trunk ready for outbound calls");
    }

    /** The outbound route (rules R12, R19): dials once the front runs with {@code trunk.enabled}. */
    public OutboundRoute trunk() {
        return trunk;
    }

    /** Whether the trunk registration is current ({@code false} without registration). */
    public boolean trunkRegistered() {
        return trunkRegistration != null && trunkRegistration.registered();
    }

    /** Calls placed through the trunk between INVITE and their end. */
    public int outboundCalls() {
        return calls.outbound();
    }

    /** REGISTER and feature codes share one digest authenticator and one lockout (issue 3 item 1). */
    private SipRequestDispatcher.AgentDoor agentDoor(SipCallContext ctx) {
        AgentAccess agents = wiring.agents();
        SipMessaging messaging = ctx.messaging();
        SecureRandom random = new SecureRandom();
        DigestAuthenticator authenticator = new DigestAuthenticator(agents.digest(),
                wiring.clock(), random, messaging.addresses);
        RegisterAuthentication authentication = new RegisterAuthentication(agents.credentials(), authenticator,
                new SourceLockout(agents.lockout(), wiring.clock()));
        SipResponses responses = new SipResponses(messaging.messages, messaging.headers, wiring.clock(), random);
        return new SipRequestDispatcher.AgentDoor(new RegisterHandler(responses, authentication, registrar),
                new FeatureCodeCalls(messaging, new DigestGate(responses, authentication), agents.featureCodes(),
                        wiring.service().defaultLanguage()));
    }

    /** On the timer thread: never lets an exception cancel the schedule. */
    private void purgeRegistrations() {
        try {
            registrar.purgeExpired();
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("registration purge failed");
        }
    }

    /** Whether the front is listening: started and not yet closed (the health check's SIP component). */
    public boolean running() {
        return lifecycle == Lifecycle.RUNNING;
    }

    /** The SIP port listened on (every transport). */
    public int port() {
        return wiring.sip().port();
    }

    /** Calls between INVITE and their end. */
    public int activeCalls() {
        return calls.size();
    }

    /** Agent legs (our INVITEs to agents' phones) between INVITE and their end. */
    public int activeAgentLegs() {
        return calls.agentLegs();
    }

    /** Dialogs the stack still holds (including terminated ones during their linger time). */
    public int stackDialogs() {
        return stack == null ? 0 : stack.getDialogs().size();
    }

    /** The stack's dialogs as "Call-ID state", for diagnosing leaks in tests. */
    List<String> stackDialogSummary() {
        return stack == null ? List.of() : stack.getDialogs().stream()
                .map(d -> d.getCallId().getCallId() + " " + d.getState() + " server=" + d.isServer()
                        + " tags=" + d.getLocalTag() + "/" + d.getRemoteTag()
                        + " app=" + (d.getApplicationData() == null ? "none"
                                : d.getApplicationData().getClass().getSimpleName()))
                .toList();
    }

    /** Server transactions in the stack's table (they linger for Timer J / I after completing). */
    public int stackServerTransactions() {
        return stack == null ? 0 : stack.getServerTransactionTableSize();
    }

    /** Client transactions (our BYEs and REFERs) in the stack's table. */
    public int stackClientTransactions() {
        return stack == null ? 0 : stack.getClientTransactionTableSize();
    }

    /** Hangs up every active call (BYE, or 480 if still ringing), waits briefly for answers, stops the stack. */
    @Override
    public void close() {
        synchronized (this) {
            if (lifecycle != Lifecycle.RUNNING) {
                lifecycle = Lifecycle.CLOSED;
                return;
            }
            lifecycle = Lifecycle.CLOSED;
        }
        if (trunkRegistration != null) {
            trunkRegistration.stop();
        }
        List<SipCall> active = calls.snapshot();
        try (ExecutorService hangups = Executors.newVirtualThreadPerTaskExecutor()) {
            active.forEach(call -> hangups.submit(() -> call.hangup(EndReason.FAILURE)));
            calls.outboundSnapshot().forEach(call -> hangups.submit(() -> call.hangup(EndReason.FAILURE)));
        }
        Instant deadline = wiring.clock().instant().plus(wiring.tuning().shutdownGrace());
        for (SipCall call : active) {
            awaitBye(call.byeDone(), Duration.between(wiring.clock().instant(), deadline));
        }
        stack.stop();
        timers.shutdownNow();
        log.atInfo().addKeyValue("endedCalls", active.size()).log("SIP front stopped");
    }

    private static void awaitBye(CompletableFuture<Void> byeDone, Duration timeout) {
        try {
            Waits.await(byeDone, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
