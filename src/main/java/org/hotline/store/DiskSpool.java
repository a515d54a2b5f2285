package org.hotline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule R20's durable queue: writes the database could not take, as append-only JSON lines in
 * numbered segment files ({@code 00000000000000000001.jsonl} ...), each append forced to disk
 * before it returns. Segments are replayed oldest first and deleted once the database has every
 * line. A crash can tear only the last line of the last segment; reading skips it with a warning.
 * A segment whose middle cannot be read is set aside as {@code .bad} (logged), never deleted.
 *
 * <p>Owned by the writer thread; not thread-safe.
 */
final class DiskSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiskSpool.class);
    private static final String SUFFIX = ".jsonl";
    static final long SEGMENT_BYTES = 8L * 1024 * 1024;

    private final Path directory;
    private final ObjectMapper json;
    private FileChannel current;
    private Path currentPath;
    private long next;

    DiskSpool(Path directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool directory " + directory, e);
        }
        List<Path> existing = segments();
        next = existing.isEmpty() ? 1 : number(existing.getLast()) + 1;
    }

    Path directory() {
        return directory;
    }

    boolean isEmpty() {
        return segments().isEmpty();
    }

    /** Appends the writes, one line each, and forces them to disk. */
    void append(List<StoreWrite> writes) throws IOException {
        if (writes.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (StoreWrite write : writes) {
            lines.append(line(write)).append('\n');
        }
        FileChannel channel = channel();
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
        if (channel.size() >= SEGMENT_BYTES) {
            seal();
        }
    }

    /** Closes the segment being appended to; the next append starts a new one. */
    void seal() throws IOException {
        if (current != null) {
            current.close();
            current = null;
            currentPath = null;
        }
    }

    /** The segments, oldest first. */
    List<Path> segments() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("\\d{20}\\" + SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the spool directory " + directory, e);
        }
    }

    /** A segment's writes in order; a torn last line is skipped. */
    List<StoreWrite> read(Path segment) throws IOException {
        List<String> lines = Files.readAllLines(segment, StandardCharsets.UTF_8);
        List<StoreWrite> writes = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                writes.add(json.readValue(line, StoreWrite.class));
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    log.atWarn().addKeyValue("segment", segment).log("skipping a torn last line (a crash during an append)");
                } else {
                    throw new SpoolCorruptException(segment, i + 1, e);
                }
            }
        }
        return writes;
    }

    void delete(Path segment) throws IOException {
        if (segment.equals(currentPath)) {
            seal();
        }
        Files.delete(segment);
    }

    /** Moves an unreadable segment out of the way, keeping it for an operator. */
    void setAside(Path segment) throws IOException {
        if (segment.equals(currentPath)) {
            seal();
        }
        Path bad = segment.resolveSibling(segment.getFileName() + ".bad");
        Files.move(segment, bad, StandardCopyOption.ATOMIC_MOVE);
        log.atError().addKeyValue("segment", bad).log("spool segment set aside: it cannot be read; nothing was deleted");
    }

    /** Appends writes the database refused as data errors, kept for an operator. */
    void reject(StoreWrite write) throws IOException {
        Path rejected = directory.resolve("rejected" + SUFFIX);
        try (FileChannel channel = FileChannel.open(rejected, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((line(write) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        seal();
    }

    private String line(StoreWrite write) throws JsonProcessingException {
        return json.writerFor(StoreWrite.class).writeValueAsString(write);
    }

    private FileChannel channel() throws IOException {
        if (current == null) {
            currentPath = directory.resolve("%020d%s".formatted(next++, SUFFIX));
            current = FileChannel.open(currentPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            forceDirectory();
        }
        return current;
    }

    /** A new file's directory entry survives a power cut only once the directory is forced too. */
    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            log.atDebug().setCause(e).log("the file system cannot force a directory; relying on the file's own force");
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** A segment with an unreadable line before its last. */
    static final class SpoolCorruptException extends IOException {
        private static final long serialVersionUID = 1L;

        SpoolCorruptException(Path segment, int line, Throwable cause) {
            super(segment + ": line " + line + " cannot be read", cause);
        }
    }
}
