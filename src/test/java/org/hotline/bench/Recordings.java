package org.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Checks the recordings a run wrote: every WAV under the directory changed since the load began
 * is counted as written (their JSON sidecars are not), and as valid if javax.sound reads it as
 * audio of at least a second. Stateless.
 */
final class Recordings {

    private static final double MIN_SECONDS = 1.0;

    private Recordings() {
    }

    static BenchResult.Recordings check(Optional<Path> directory, Instant since, Path serverLog) {
        if (directory.isEmpty()) {
            return new BenchResult.Recordings(false, null, 0, 0, 0, Gaps.NONE);
        }
        Path dir = directory.get();
        if (!Files.isDirectory(dir)) {
            return new BenchResult.Recordings(true, dir, 0, 0, 0, Gaps.NONE);
        }
        List<Path> written;
        try (Stream<Path> files = Files.walk(dir)) {
            written = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".wav")).filter(f -> modifiedSince(f, since)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing the recordings in " + dir, e);
        }
        long valid = written.stream().filter(Recordings::isAudio).count();
        double seconds = written.stream().mapToDouble(Recordings::seconds).sum();
        return new BenchResult.Recordings(true, dir, written.size(), valid, seconds, Gaps.read(serverLog));
    }

    /**
     * What the recorder itself reported missing from its recordings (its "recording has gaps"
     * warnings in the server log): samples that came later than the writer's latency behind their
     * place, and packets its queue had no room for.
     *
     * @param recordings recordings with a gap
     * @param lateSamples 8 kHz samples (per leg) lost as late, all recordings
     * @param overflowPackets packets dropped by full recording queues
     */
    record Gaps(long recordings, long lateSamples, long overflowPackets) {
        static final Gaps NONE = new Gaps(0, 0, 0);
        private static final Pattern LATE = Pattern.compile("lateSamples=\"(\\d+)\"");
        private static final Pattern OVERFLOW = Pattern.compile("queueOverflowPackets=\"(\\d+)\"");

        static Gaps read(Path serverLog) {
            try (Stream<String> lines = Files.lines(serverLog)) {
                return lines.filter(l -> l.contains("recording has gaps")).map(Gaps::of).reduce(NONE, Gaps::plus);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the server log " + serverLog, e);
            }
        }

        static Gaps of(String line) {
            return new Gaps(1, number(LATE, line), number(OVERFLOW, line));
        }

        Gaps plus(Gaps other) {
            return new Gaps(recordings + other.recordings, lateSamples + other.lateSamples,
                    overflowPackets + other.overflowPackets);
        }

        private static long number(Pattern pattern, String line) {
            Matcher m = pattern.matcher(line);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    private static double seconds(Path wav) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
            return format.getFrameLength() / format.getFormat().getFrameRate();
        } catch (UnsupportedAudioFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the recording " + wav, e);
        }
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return Files.getLastModifiedTime(file).compareTo(FileTime.from(since)) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the time of " + file, e);
        }
    }

    static boolean isAudio(Path file) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
            return format.getFrameLength() > 0
                    && format.getFrameLength() / format.getFormat().getFrameRate() >= MIN_SECONDS;
        } catch (UnsupportedAudioFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the recording " + file, e);
        }
    }
}
