package org.hotline.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.hotline.media.Codec;
import org.hotline.media.codec.G711;
import org.hotline.media.rtp.RtpPacket;
import org.hotline.recording.RecordingInfo.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a recording's writer thread, off the media path: writes the sidecar and the WAV's
 * header, then every tick decodes the queued packets (G.711, RFC 3551 §4.5.14) onto the
 * {@link StereoTimeline}, appends what is committed (up to {@code latency} behind real time), brings
 * the header's sizes up to date every {@code sizesEvery} and the sidecar up to date when a segment
 * changed. At the end it writes up to the exact end, fixes the header up, hashes the file and
 * reports it finished; an I/O failure reports it failed and marks the sidecar so.
 *
 * <p>Threading: runs on the recording's own virtual thread; only it touches the file and timeline.
 */
final class RecordingWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RecordingWriter.class);

    private final RecordingSession session;
    private final RecordingSession.Meta meta;
    private final RecordingTiming timing;
    private final RecordingListener events;
    private final StereoTimeline timeline;
    private WavWriter wav;
    private long sidecarVersion = -1;
    private long sizesUpdatedNanos;
    private long unknownPayloads;

    RecordingWriter(RecordingSession session, RecordingListener events) {
        this.session = session;
        this.meta = session.meta();
        this.timing = session.timing();
        this.events = events;
        this.timeline = new StereoTimeline(timing.ringSamples());
    }

    @Override
    public void run() {
        try {
            open();
            long endNanos = record();
            RecordingInfo finished = close(endNanos);
            logCounts();
            events.recordingFinished(finished);
        } catch (IOException | RuntimeException e) {
            abandon(e);
        } finally {
            session.writerDone();
        }
    }

    private void open() throws IOException {
        Files.createDirectories(meta.file().getParent());
        sidecarVersion = session.segments().version();
        RecordingInfo started = info(session.segments().snapshot(), null, Duration.ZERO, null);
        Sidecar.write(started, Sidecar.State.RECORDING); // first: a WAV never exists without its sidecar
        wav = WavWriter.create(meta.file());
        sizesUpdatedNanos = timing.nanoTime().getAsLong();
        events.recordingStarted(started);
    }

    /** Until the call ends; returns the end on the monotonic clock. */
    private long record() throws IOException {
        long tickNanos = timing.tick().toNanos();
        long latencyFrames = WavFormat.frames(timing.latency().toNanos());
        while (true) {
            long end = session.endNanos();
            long limit = end == RecordingSession.NOT_ENDED ? Long.MAX_VALUE : end;
            session.frames().drain(frame -> place(frame, limit));
            if (end != RecordingSession.NOT_ENDED) {
                timeline.commitTo(positionOf(end));
                wav.append(timeline.takeOutput());
                return end;
            }
            long now = timing.nanoTime().getAsLong();
            timeline.commitTo(positionOf(now) - latencyFrames);
            wav.append(timeline.takeOutput());
            if (now - sizesUpdatedNanos >= timing.sizesEvery().toNanos()) {
                wav.updateSizes();
                sizesUpdatedNanos = now;
            }
            writeSidecarIfChanged();
            LockSupport.parkNanos(tickNanos);
        }
    }

    private void place(FrameQueue.Frame frame, long limitNanos) {
        if (frame.arrivalNanos() > limitNanos) {
            return; // arrived after the call's end
        }
        RtpPacket packet = frame.packet();
        Codec codec = codecOf(packet.payloadType());
        if (codec == null) {
            unknownPayloads++;
            return;
        }
        timeline.place(frame.leg(), packet.ssrc(), packet.timestamp(), G711.decode(codec, packet.payload()),
                positionOf(frame.arrivalNanos()));
    }

    private RecordingInfo close(long endNanos) throws IOException {
        wav.close();
        Duration length = WavFormat.length(wav.frames());
        Instant ended = meta.started().plus(length);
        List<Segment> segments = SegmentLog.endedAt(session.segments().snapshot(), ended);
        RecordingInfo finished = info(segments, ended, length, Sha256.of(meta.file()));
        Sidecar.write(finished, Sidecar.State.FINISHED);
        log.atDebug().addKeyValue("callId", meta.callId()).addKeyValue("endNanos", endNanos).log("recording closed");
        return finished;
    }

    private void writeSidecarIfChanged() throws IOException {
        long version = session.segments().version();
        if (version != sidecarVersion) {
            Sidecar.write(info(session.segments().snapshot(), null, Duration.ZERO, null), Sidecar.State.RECORDING);
            sidecarVersion = version;
        }
    }

    /** Closes what is open, marks the sidecar FAILED (if it can) and reports; never throws. */
    private void abandon(Exception cause) {
        if (wav != null) {
            try {
                wav.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
        if (Files.exists(Sidecar.of(meta.file()))) {
            try {
                Sidecar.write(info(session.segments().snapshot(), null, Duration.ZERO, null), Sidecar.State.FAILED);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
        events.recordingFailed(meta.callId(), cause);
    }

    private void logCounts() {
        long dropped = session.droppedFrames();
        long late = timeline.lateSamples(Leg.CALLER) + timeline.lateSamples(Leg.AGENT);
        if (dropped > 0 || late > 0 || unknownPayloads > 0) {
            log.atWarn().addKeyValue("callId", meta.callId()).addKeyValue("recordingId", meta.id())
                    .addKeyValue("queueOverflowPackets", dropped).addKeyValue("lateSamples", late)
                    .addKeyValue("unknownPayloadPackets", unknownPayloads)
                    .log("recording has gaps: packets dropped or late");
        }
    }

    private RecordingInfo info(List<Segment> segments, Instant ended, Duration length, String sha256) {
        return new RecordingInfo(meta.id(), meta.callId(), meta.file(), meta.started(), ended, length, sha256,
                segments, meta.queue(), meta.agent(), false);
    }

    private long positionOf(long nanos) {
        return WavFormat.frames(nanos - session.startNanos());
    }

    /** The static G.711 payload types (RFC 3551 §6); the session only passes its negotiated codec's. */
    private static Codec codecOf(int payloadType) {
        for (Codec codec : Codec.values()) {
            if (codec.payloadType() == payloadType) {
                return codec;
            }
        }
        return null;
    }
}
