package org.hotline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Predicate;

/**
 * The server's call events as its log shows them ({@code LoggingCallEventListener}: logger
 * {@code org.hotline.calls}, {@code callId="..." event="..."} and the event record, whose
 * {@code at=} is the server's own instant). The bench counts them and times rule R7's
 * announcement from them. Immutable once read.
 */
final class CallEventLog {

    private static final Pattern LINE = Pattern.compile("callId=\"([^\"]+)\" event=\"(\\w+)\" \\w+\\[(.*)]\\s*$");
    private static final Pattern AT = Pattern.compile("\\bat=([0-9T:.\\-]+Z)");
    private static final Pattern QUEUE = Pattern.compile("\\bqueue=([\\w-]+)");
    private static final Pattern REASON = Pattern.compile("\\breason=([A-Z_]+)");

    /** One event: its type, call, instant, and queue or end reason where it has one. */
    record Event(String type, String callId, Instant at, String queue, String reason) {
    }

    private static final Set<String> WAIT_ENDS = Set.of("QueueLeft", "QueueAbandoned", "QueueNotServed", "AgentConnected",
            "Ended");

    private final List<Event> events;

    private CallEventLog(List<Event> events) {
        this.events = List.copyOf(events);
    }

    /** The events of the calls {@code callIds} accepts (e.g. the load's, not the warm-up's). */
    static CallEventLog read(Path serverLog, Predicate<String> callIds) {
        List<Event> events = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(serverLog, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                parse(line).filter(e -> callIds.test(e.callId())).ifPresent(events::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the server log " + serverLog, e);
        }
        return new CallEventLog(events);
    }

    static Optional<Event> parse(String line) {
        if (!line.contains("org.hotline.calls") && !line.contains(" event=\"")) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String fields = m.group(3);
        Matcher at = AT.matcher(fields);
        if (!at.find()) {
            return Optional.empty();
        }
        Matcher queue = QUEUE.matcher(fields);
        Matcher reason = REASON.matcher(fields);
        return Optional.of(new Event(m.group(2), m.group(1), Instant.parse(at.group(1)),
                queue.find() ? queue.group(1) : null, reason.find() ? reason.group(1) : null));
    }

    /** How many events of {@code type}, optionally in one queue. */
    long count(String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }

    /** Ended events by reason (COMPLETED, CALLER_HUNG_UP, ...). */
    Map<String, Long> endReasons() {
        Map<String, Long> reasons = new TreeMap<>();
        events.stream().filter(e -> e.type().equals("Ended"))
                .forEach(e -> reasons.merge(String.valueOf(e.reason()), 1L, Long::sum));
        return reasons;
    }

    /**
     * Rule R7: for every caller who entered a queue and was announced to there, the time from
     * QueueEntered to the first WaitAnnounced after it, minus {@code due}.
     */
    List<Duration> announcementErrors(Duration due) {
        Map<String, Instant> entered = new HashMap<>();
        List<Duration> errors = new ArrayList<>();
        for (Event e : events) {
            if (e.type().equals("QueueEntered")) {
                entered.put(e.callId(), e.at());
            } else if (e.type().equals("WaitAnnounced") && entered.containsKey(e.callId())) {
                errors.add(Duration.between(entered.remove(e.callId()), e.at()).minus(due));
            }
        }
        return errors;
    }

    /** Waits in a queue (to an agent, leaving it, or hanging up) that lasted at least {@code due}. */
    long waitedAtLeast(Duration due) {
        Map<String, Instant> entered = new HashMap<>();
        long waited = 0;
        for (Event e : events) {
            if (e.type().equals("QueueEntered")) {
                entered.put(e.callId(), e.at());
            } else if (WAIT_ENDS.contains(e.type()) && entered.containsKey(e.callId())
                    && Duration.between(entered.remove(e.callId()), e.at()).compareTo(due) >= 0) {
                waited++;
            }
        }
        return waited;
    }

    /** Callers who entered {@code queue}. */
    long entered(String queue) {
        return events.stream().filter(e -> e.type().equals("QueueEntered") && queue.equals(e.queue())).count();
    }
}
