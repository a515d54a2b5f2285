package org.hotline.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.hotline.config.ConfigException;
import org.hotline.config.HotlineConfig;
import org.hotline.config.QueueConfig;
import org.hotline.config.RecordingPolicy;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;
import org.hotline.media.BridgeListener;
import org.hotline.media.MediaSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call recording (rule R14): one stereo WAV per bridged call, from its first connect to an agent
 * to the call's end. The B2BUA tells it which media sessions are bridged ({@link BridgeListener});
 * the call events tell it when to start (the first {@code AgentConnected}, if the queue's policy
 * says so), the segments (hold, resume, transfer, the agent leaving) and the end ({@code Ended}).
 * On start-up it repairs what a crash left unfinished ({@link StartupRepair}).
 *
 * <p>Threading: the listener methods come from the ACD thread, callers' virtual threads and SIP
 * stack threads; each takes the one lock for a few field updates (no I/O, no waiting): the files
 * are written by each recording's own writer thread. {@link #close} blocks (bounded).
 */
public final class Recordings implements CallEventListener, BridgeListener, AutoCloseable {

    /**
     * What recording needs from the configuration and the composition root.
     *
     * @param directory where recordings go ({@code recording.directory})
     * @param policies  each queue's {@code recording} policy
     * @param random    draws the {@code <n>%} decisions; seeded in tests
     * @param zone      names the day folders ({@code service.timeZone})
     */
    public record Setup(Path directory, Map<String, RecordingPolicy> policies, RandomGenerator random, ZoneId zone) {

        public Setup {
            Objects.requireNonNull(directory, "directory");
            policies = Map.copyOf(policies);
            Objects.requireNonNull(random, "random");
            Objects.requireNonNull(zone, "zone");
        }

        public static Setup of(HotlineConfig config, RandomGenerator random) {
            Map<String, RecordingPolicy> policies = new HashMap<>();
            for (QueueConfig queue : config.queues()) {
                policies.put(queue.name(), queue.recording());
            }
            return new Setup(config.recording().directory(), policies, random, config.service().timeZone());
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Recordings.class);
    /** Calls remembered as over, so a bridge or connect racing the call's end starts nothing. */
    private static final int REMEMBERED_ENDS = 4096;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** {@code AgentCallEnded.endedBy} when the agent (not the caller) ended the conversation. */
    private static final String AGENT_ENDED = "AGENT";

    private final Setup setup;
    private final RecordingListener events;
    private final RecordingTiming timing;
    private final RecordingDecision decision;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, RecordedCall> calls = new HashMap<>();
    private final Set<String> recentlyEnded = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_ENDS;
        }
    });
    private final Set<RecordingSession> writing = ConcurrentHashMap.newKeySet();
    private final LongAdder droppedByClosed = new LongAdder();

    Recordings(Setup setup, RecordingListener listener, RecordingTiming timing) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.events = new RecordingEvents(listener);
        this.timing = Objects.requireNonNull(timing, "timing");
        this.decision = new RecordingDecision(setup.policies(), setup.random());
        UUID.randomUUID(); // the ids' SecureRandom seeds itself now, at start-up, not on the ACD thread
    }

    /**
     * Creates the directory, repairs and reports what a crash left unfinished, and is ready to record.
     *
     * @throws ConfigException if the directory cannot be created or read ({@code recording.directory})
     */
    public static Recordings open(Setup setup, RecordingListener listener) {
        Recordings recordings = new Recordings(setup, listener, RecordingTiming.DEFAULTS);
        recordings.repairUnfinished();
        return recordings;
    }

    /** The metadata file beside the WAV {@code <dir>/<id>.wav}: {@code <dir>/<id>.json} (what retention deletes with it). */
    public static Path sidecarOf(Path wav) {
        return Sidecar.of(wav);
    }

    void repairUnfinished() {
        try {
            Files.createDirectories(setup.directory());
            int repaired = StartupRepair.run(setup.directory(), events);
            log.atInfo().addKeyValue("directory", setup.directory().toAbsolutePath()).addKeyValue("repaired", repaired)
                    .log("recordings ready");
        } catch (IOException e) {
            throw new ConfigException(setup.directory().toString(), "recording.directory",
                    "cannot create or read the recordings directory: " + e, e);
        }
    }

    // ---- the B2BUA's bridges

    @Override
    public void bridged(String callId, MediaSession caller, MediaSession agent) {
        lock.lock();
        try {
            if (recentlyEnded.contains(callId)) {
                return;
            }
            RecordedCall call = calls.computeIfAbsent(callId, id -> new RecordedCall());
            call.caller = caller;
            call.agent = agent;
            if (call.session != null) {
                tap(call.session, agent, Leg.AGENT);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unbridged(String callId, MediaSession agent) {
        lock.lock();
        try {
            RecordedCall call = calls.get(callId);
            if (call != null && call.agent == agent) {
                AudioTaps.detach(agent);
                call.agent = null;
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- the call's events

    @Override
    public void onEvent(CallEvent event) {
        switch (event) {
            case CallEvent.AgentConnected e -> connected(e, timing.nanoTime().getAsLong());
            case CallEvent.HeldByAgent e -> segments(e.callId(), segments -> segments.held(e.at(), e.agent()));
            case CallEvent.ResumedByAgent e -> segments(e.callId(), segments -> segments.resumed(e.at(), e.agent()));
            case CallEvent.TransferredByAgent e -> segments(e.callId(), segments -> segments.transferred(e.at()));
            // the caller hanging up also ends the agent's part: the call's end closes the segment then
            case CallEvent.AgentCallEnded e when e.endedBy().equals(AGENT_ENDED) ->
                    segments(e.callId(), segments -> segments.agentLeft(e.at()));
            case CallEvent.Ended e -> ended(e.callId(), timing.nanoTime().getAsLong());
            default -> { }
        }
    }

    /** {@code nowNanos}: the recording's zero, read before anything else is done. */
    private void connected(CallEvent.AgentConnected e, long nowNanos) {
        lock.lock();
        try {
            RecordedCall call = calls.get(e.callId());
            if (call == null) {
                return; // never bridged here (another front), or already over
            }
            switch (call.decision) {
                case RECORDED -> call.session.segments().connected(e.at(), e.agent());
                case NOT_RECORDED -> { }
                case UNDECIDED -> {
                    call.decision = decision.record(e.queue()) ? RecordedCall.Decision.RECORDED
                            : RecordedCall.Decision.NOT_RECORDED;
                    if (call.decision == RecordedCall.Decision.RECORDED) {
                        call.session = start(e, nowNanos);
                        tap(call.session, call.caller, Leg.CALLER);
                        tap(call.session, call.agent, Leg.AGENT);
                    } else {
                        log.atInfo().addKeyValue("callId", e.callId()).addKeyValue("queue", e.queue())
                                .log("call not recorded (queue's recording policy, rule R14)");
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private RecordingSession start(CallEvent.AgentConnected e, long startNanos) {
        String id = UUID.randomUUID().toString();
        String day = LocalDate.ofInstant(e.at(), setup.zone()).toString();
        Path file = setup.directory().resolve(day).resolve(id + ".wav").toAbsolutePath();
        RecordingSession session = RecordingSession.start(
                new RecordingSession.Meta(id, e.callId(), file, e.at(), e.queue(), e.agent()), timing, startNanos, events);
        writing.add(session);
        session.done().whenComplete((ok, failure) -> {
            writing.remove(session); // then counted as closed: the total never goes down
            droppedByClosed.add(session.droppedFrames());
        });
        return session;
    }

    private void ended(String callId, long nowNanos) {
        lock.lock();
        try {
            recentlyEnded.add(callId);
            RecordedCall call = calls.remove(callId);
            if (call == null) {
                return;
            }
            if (call.session != null) {
                call.session.finish(nowNanos);
            }
            if (call.caller != null) {
                AudioTaps.detach(call.caller);
            }
            if (call.agent != null) {
                AudioTaps.detach(call.agent);
            }
        } finally {
            lock.unlock();
        }
    }

    private void segments(String callId, Consumer<SegmentLog> change) {
        lock.lock();
        try {
            RecordedCall call = calls.get(callId);
            if (call != null && call.session != null) {
                change.accept(call.session.segments());
            }
        } finally {
            lock.unlock();
        }
    }

    private void tap(RecordingSession session, MediaSession media, Leg leg) {
        if (media != null && !AudioTaps.attach(media, packet -> session.onAudio(leg, packet))) {
            log.atWarn().addKeyValue("callId", session.meta().callId()).addKeyValue("leg", leg)
                    .log("this media session cannot be recorded; its channel stays silent");
        }
    }

    /** Recordings being written now (running calls, and ended ones still closing). */
    public int activeRecordings() {
        return writing.size();
    }

    /**
     * Received packets no recording could take because its writer was {@code queueFrames} behind
     * (their place in the file is silent), since start-up: for metrics.
     */
    public long packetsDropped() {
        return droppedByClosed.sum() + writing.stream().mapToLong(RecordingSession::droppedFrames).sum();
    }

    /**
     * Ends every recording still running (the server is stopping: their calls are being hung up)
     * and waits for the writers to close their files, at most {@link #CLOSE_WAIT}.
     */
    @Override
    public void close() {
        List<RecordingSession> running;
        lock.lock();
        try {
            running = calls.values().stream().map(call -> call.session).filter(Objects::nonNull).toList();
        } finally {
            lock.unlock();
        }
        long now = timing.nanoTime().getAsLong();
        running.forEach(session -> session.finish(now));
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (RecordingSession session : List.copyOf(writing)) {
            try {
                if (!session.awaitDone(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    log.atWarn().addKeyValue("callId", session.meta().callId())
                            .log("recording not closed in time; it will be repaired on the next start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
