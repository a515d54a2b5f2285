package org.hotline.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.hotline.acd.AcdEventListener;
import org.hotline.config.HotlineConfig;
import org.hotline.recording.RecordingInfo;
import org.hotline.recording.RecordingListener;
import org.hotline.event.CallEventListener;
import org.hotline.media.rtp.RtpSessionListener;
import org.hotline.media.rtp.RtpStatistics;
import org.hotline.sip.SipTrafficListener;
import org.hotline.metrics.MetricsCatalog.Meter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics as the composition root wires them (issue 5): the Prometheus registry with the JVM's
 * meters, the {@link MetricsCatalog}, and its listeners for each part of the server (call events,
 * ACD events, SIP traffic, RTP sessions). Once SIP, RTP and the ACD exist, {@link #endpoint} adds the
 * gauges that read them and the health checks, and returns what the HTTP API serves. Issue 4 records
 * recordings and QA coverage through {@link #catalog()}.
 *
 * <p>Threading: built and closed by the composition root's thread; the listeners' threads are in
 * their own classes.
 */
public final class HotlineMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HotlineMetrics.class);

    /** How long a scrape or {@code /health} waits for the ACD's snapshot. */
    public static final Duration ACD_ANSWER_BOUND = Duration.ofSeconds(1);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final MetricsCatalog catalog;
    private final Clock clock;
    private final CallMetricsListener calls;
    private final AcdMetricsListener agents;
    private final SipMetrics sip;
    private final RtpMetrics rtp;

    private HotlineMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc, MetricsSettings settings, Clock clock) {
        this.registry = registry;
        this.gc = gc;
        this.clock = clock;
        this.catalog = new MetricsCatalog(registry, settings);
        this.calls = new CallMetricsListener(catalog, settings);
        this.agents = new AcdMetricsListener(catalog);
        this.sip = new SipMetrics(catalog);
        this.rtp = new RtpMetrics(catalog);
    }

    public static HotlineMetrics create(HotlineConfig config, Clock clock) {
        return create(MetricsSettings.from(config), clock);
    }

    public static HotlineMetrics create(MetricsSettings settings, Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new HotlineMetrics(registry, gc, Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** Where issue 4's recording and QA code count (recordings written and failed, QA coverage). */
    public MetricsCatalog catalog() {
        return catalog;
    }

    /** The call-event listener to add to the server's composite (one per server: it counts every event it gets). */
    public CallEventListener callEvents() {
        return calls;
    }

    /**
     * {@code next} (the ACD's event router), then the agents' metrics; for the one ACD of the server,
     * whose events come on its {@code acd} thread.
     */
    public AcdEventListener acdEvents(AcdEventListener next) {
        return event -> {
            next.onEvent(event);
            try {
                agents.onEvent(event);
            } catch (RuntimeException e) {
                log.atError().setCause(e).log("ACD metrics listener failed on {}", event);
            }
        };
    }

    public SipTrafficListener sipTraffic() {
        return sip;
    }

    /** Counts recordings written and failed (rule R14); repaired ones count as written. */
    public RecordingListener recordings() {
        return new RecordingListener() {
            @Override
            public void recordingStarted(RecordingInfo info) {
            }

            @Override
            public void recordingFinished(RecordingInfo info) {
                catalog.recordingWritten();
            }

            @Override
            public void recordingFailed(String callId, Throwable cause) {
                catalog.recordingFailed();
            }
        };
    }

    public RtpSessionListener rtpSessions() {
        return rtp;
    }

    /**
     * The running server's parts the gauges and health checks read.
     *
     * @param extraChecks further components /health includes (issue 4: the store)
     */
    public record Components(BooleanSupplier sipRunning, IntSupplier activeCalls, BooleanSupplier rtpRunning,
            IntSupplier rtpSessionsInUse, Supplier<List<RtpStatistics>> openRtpSessions, AcdSnapshot.Source acd,
            List<HealthCheck> extraChecks) {
        public Components {
            extraChecks = List.copyOf(extraChecks);
        }
    }

    /** Registers the gauges over the running parts and returns what {@code /metrics} and {@code /health} serve. */
    public MetricsEndpoint endpoint(Components parts) {
        catalog.gauge(Meter.CALLS_ACTIVE, Tags.empty(), parts.activeCalls()::getAsInt);
        rtp.watch(parts.rtpSessionsInUse(), parts.openRtpSessions());
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(HealthCheck.of("sip", parts.sipRunning(), "listening", "not listening"));
        checks.add(HealthCheck.of("rtp", parts.rtpRunning(), "event loops running", "stopped"));
        checks.add(new AcdGauges(catalog, parts.acd(), clock, ACD_ANSWER_BOUND));
        checks.addAll(parts.extraChecks());
        return new MetricsEndpoint(catalog, registry, checks);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
