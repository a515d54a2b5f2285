package org.hotline.system;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the files SIPp 3.6 writes with {@code -trace_msg} (a separator line with a local
 * timestamp, a "UDP message sent/received" line, then the message) and {@code -trace_stat} (a CSV,
 * one header line, one row per dump, the last row holding the cumulative counters). Stateless.
 */
final class SippTraces {

    private static final Pattern SEPARATOR = Pattern.compile("^-{20,} (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{1,9})\\s*$");
    private static final Pattern KIND = Pattern.compile("^(\\w+) message (sent|received)\\b.*$");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SippTraces() {
    }

    /** The messages of a {@code -trace_msg} log in file order; SIPp's timestamps are in the local zone. */
    static List<SipTraceMessage> parseMessages(String log, ZoneId zone) {
        List<SipTraceMessage> messages = new ArrayList<>();
        List<String> lines = log.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            Matcher separator = SEPARATOR.matcher(lines.get(i));
            if (!separator.matches() || i + 1 >= lines.size()) {
                i++;
                continue;
            }
            Matcher kind = KIND.matcher(lines.get(i + 1));
            int bodyStart = i + 2;
            int next = bodyStart;
            while (next < lines.size() && !SEPARATOR.matcher(lines.get(next)).matches()) {
                next++;
            }
            if (kind.matches()) {
                String text = String.join("\n", lines.subList(bodyStart, next)).strip();
                SipTraceMessage.Direction direction = kind.group(2).equals("sent")
                        ? SipTraceMessage.Direction.SENT : SipTraceMessage.Direction.RECEIVED;
                LocalDateTime local = LocalDateTime.parse(padMicros(separator.group(1)), TIMESTAMP);
                messages.add(new SipTraceMessage(local.atZone(zone).toInstant(), direction, kind.group(1), text));
            }
            i = next;
        }
        return List.copyOf(messages);
    }

    /** The last row of a {@code -trace_stat} CSV as column name to value; empty if SIPp wrote no row. */
    static Map<String, String> parseLastStats(String csv) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        Map<String, String> stats = new LinkedHashMap<>();
        if (lines.size() < 2) {
            return stats;
        }
        String[] names = lines.getFirst().split(";", -1);
        String[] values = lines.getLast().split(";", -1);
        for (int c = 0; c < Math.min(names.length, values.length); c++) {
            if (!names[c].isBlank()) {
                stats.put(names[c].strip(), values[c].strip());
            }
        }
        return stats;
    }

    private static String padMicros(String timestamp) {
        int dot = timestamp.indexOf('.');
        String fraction = (timestamp.substring(dot + 1) + "000000").substring(0, 6);
        return timestamp.substring(0, dot + 1) + fraction;
    }
}
