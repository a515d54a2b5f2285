package org.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    static BenchResult.Recordings check(Optional<Path> directory, Instant since) {
        if (directory.isEmpty()) {
            return new BenchResult.Recordings(false, null, 0, 0);
        }
        Path dir = directory.get();
        if (!Files.isDirectory(dir)) {
            return new BenchResult.Recordings(true, dir, 0, 0);
        }
        List<Path> written;
        try (Stream<Path> files = Files.walk(dir)) {
            written = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".wav")).filter(f -> modifiedSince(f, since)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing the recordings in " + dir, e);
        }
        long valid = written.stream().filter(Recordings::isAudio).count();
        return new BenchResult.Recordings(true, dir, written.size(), valid);
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
