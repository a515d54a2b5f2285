package org.hotline.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline.call.MessageTaking;
import org.hotline.config.ConfigException;
import org.hotline.recording.RecordingInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message callers left (rules R9, R19, R20), for supervisors: kept in memory and on disk,
 * one small JSON file per message under {@code <messages.directory>/index/<id>.msg}, written to a
 * temporary file, forced and renamed over the old one, so a crash leaves the old or the new
 * version. Read back at start-up; a message still RECORDING then is completed from its repaired
 * recording ({@link #repaired}). Assigning one to an agent makes it that agent's callback task;
 * marking it handled lets retention delete its audio (until then it is held), and the box then
 * notes the audio is gone.
 *
 * <p>Thread-safe: calls' threads add and complete messages, HTTP requests read and assign them;
 * each file is written under the map's per-key lock.
 */
public final class MessageBox {

    static final String INDEX = "index";
    static final String SUFFIX = ".msg";

    private static final Logger log = LoggerFactory.getLogger(MessageBox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path index;
    private final Map<String, Message> messages = new ConcurrentHashMap<>();

    private MessageBox(Path index) {
        this.index = index;
    }

    /** @throws ConfigException if the index cannot be created or read ({@code messages.directory}) */
    public static MessageBox open(Path directory) {
        MessageBox box = new MessageBox(directory.toAbsolutePath().resolve(INDEX));
        try {
            Files.createDirectories(box.index);
            try (Stream<Path> files = Files.list(box.index)) {
                files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).forEach(box::load);
            }
        } catch (IOException e) {
            throw new ConfigException(directory.toString(), "messages.directory", "cannot read the messages index: " + e, e);
        }
        log.atInfo().addKeyValue("directory", box.index).addKeyValue("messages", box.messages.size()).log("messages loaded");
        return box;
    }

    /** Every message, newest first. */
    public List<Message> list() {
        return messages.values().stream().sorted(Comparator.comparing(Message::at).reversed()).toList();
    }

    public Optional<Message> find(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** Makes the message {@code agent}'s callback task; empty for an unknown id. */
    public Optional<Message> assign(String id, String agent, Instant at) {
        return Optional.ofNullable(messages.computeIfPresent(id, (key, message) -> store(message.assignedTo(agent, at))));
    }

    /** Marks the message handled by {@code user} (its callback done); from then retention may delete its audio. */
    public Optional<Message> handle(String id, String user, Instant at) {
        return Optional.ofNullable(messages.computeIfPresent(id, (key, message) -> message.isHandled() ? message
                : store(message.handled(user, at))));
    }

    /**
     * The ids of messages not yet handled: their recordings are kept whatever their age (rule R20,
     * like a complaint's under rule R15).
     */
    public Set<String> unhandled() {
        return messages.values().stream().filter(message -> !message.isHandled()).map(Message::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Retention deleted the recording {@code id}; if it is a message's, the listing says its audio is gone. */
    public void audioDeleted(String id, Instant at) {
        messages.computeIfPresent(id, (key, message) -> message.audioDeletedAt() != null ? message
                : store(message.audioDeleted(at)));
    }

    /** Records a new or changed message. */
    void put(Message message) {
        messages.compute(message.id(), (key, old) -> store(message));
    }

    /** After a crash: a message cut short is completed from its repaired recording. */
    public void repaired(RecordingInfo info) {
        messages.computeIfPresent(info.id(), (key, message) -> message.state() != Message.State.RECORDING ? message
                : store(message.saved(info.length(), "INTERRUPTED", true, info.file(), info.sha256())));
    }

    private Message store(Message message) {
        Path target = index.resolve(message.id() + SUFFIX);
        Path temp = index.resolve(message.id() + SUFFIX + ".tmp");
        try {
            Files.write(temp, JSON.writeValueAsBytes(toJson(message)), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write message " + message.id() + " to " + target, e);
        }
        return message;
    }

    private void load(Path file) {
        try {
            Message message = fromJson(JSON.readTree(file.toFile()));
            messages.put(message.id(), message);
        } catch (IOException | RuntimeException e) {
            log.atError().addKeyValue("file", file).setCause(e).log("unreadable message entry left alone");
        }
    }

    private static ObjectNode toJson(Message m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", m.id()).put("callId", m.callId()).put("caller", m.caller()).put("at", m.at().toString())
                .put("reason", m.reason().name()).put("queue", m.queue()).put("state", m.state().name())
                .put("lengthMs", m.length().toMillis()).put("endedBy", m.endedBy()).put("speech", m.speech())
                .put("file", m.file() == null ? null : m.file().toString()).put("sha256", m.sha256())
                .put("assignee", m.assignee()).put("assignedAt", instant(m.assignedAt()))
                .put("handledBy", m.handledBy()).put("handledAt", instant(m.handledAt()))
                .put("audioDeletedAt", instant(m.audioDeletedAt()));
        return node;
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Message fromJson(JsonNode n) {
        return new Message(n.path("id").asText(), n.path("callId").asText(), text(n, "caller"),
                Instant.parse(n.path("at").asText()), MessageTaking.Reason.valueOf(n.path("reason").asText()),
                text(n, "queue"), Message.State.valueOf(n.path("state").asText()),
                Duration.ofMillis(n.path("lengthMs").asLong()), text(n, "endedBy"), n.path("speech").asBoolean(),
                Optional.ofNullable(text(n, "file")).map(Path::of).orElse(null), text(n, "sha256"), text(n, "assignee"),
                instant(n, "assignedAt"), text(n, "handledBy"), instant(n, "handledAt"), instant(n, "audioDeletedAt"));
    }

    private static Instant instant(JsonNode node, String field) {
        return Optional.ofNullable(text(node, field)).map(Instant::parse).orElse(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
