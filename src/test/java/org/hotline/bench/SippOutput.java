package org.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one bench SIPp process left: the last row of its statistics (cumulative counters), every
 * response time it measured (-trace_rtt: one line per call and named rtd, in milliseconds, SIPp's
 * clock resolution) and why calls failed (-trace_err), with the SIP status codes. Immutable.
 *
 * @param exitCode SIPp's exit code (0 all calls passed, 1 some failed), -1 if still running
 */
record SippOutput(String label, int exitCode, Map<String, String> stats, Map<String, List<Double>> responseTimesMs,
        Map<String, Integer> failureReasons) {

    /** An error starts with SIPp's timestamp; the lines after it are the message it is about. */
    private static final Pattern ERROR_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\t\\d{2}:\\d{2}:\\d{2}\\.\\d+\\t\\d+\\.\\d+: ");
    private static final Pattern RESPONSE = Pattern.compile("received '(?:SIP/2\\.0 )(\\d{3})");
    private static final Pattern REQUEST = Pattern.compile("received '([A-Z]+) ");

    static SippOutput read(String label, Path dir, int exitCode) {
        return new SippOutput(label, exitCode, lastStats(BenchSipp.read(dir.resolve("stats.csv"))), responseTimes(dir),
                failureReasons(BenchSipp.read(dir.resolve("errors.log"))));
    }

    /** A cumulative counter such as {@code TotalCallCreated} or {@code FailedCall(C)}; 0 if absent. */
    long counter(String column) {
        String value = stats.getOrDefault(column, "").trim();
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    long created() {
        return counter("TotalCallCreated");
    }

    long successful() {
        return counter("SuccessfulCall(C)");
    }

    long failed() {
        return counter("FailedCall(C)");
    }

    List<Double> responseTimesMs(String rtd) {
        return responseTimesMs.getOrDefault(rtd, List.of());
    }

    static Map<String, String> lastStats(String csv) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        Map<String, String> stats = new LinkedHashMap<>();
        if (lines.size() < 2) {
            return stats;
        }
        String[] names = lines.getFirst().split(";", -1);
        String[] values = lines.getLast().split(";", -1);
        for (int i = 0; i < names.length && i < values.length; i++) {
            stats.put(names[i], values[i]);
        }
        return stats;
    }

    /** {@code Date_ms;response_time_ms;rtd_no} lines of every {@code *_rtt.csv} in {@code dir}. */
    static Map<String, List<Double>> responseTimes(Path dir) {
        Map<String, List<Double>> times = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("_rtt.csv")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(";");
                    if (fields.length < 3 || fields[0].startsWith("Date")) {
                        continue;
                    }
                    times.computeIfAbsent(fields[2].trim(), k -> new ArrayList<>()).add(Double.parseDouble(fields[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the response times in " + dir, e);
        }
        return times;
    }

    /** SIPp's error lines by reason: a SIP status code, an unexpected request, a timeout, or the message. */
    static Map<String, Integer> failureReasons(String errors) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (String line : errors.lines().filter(l -> ERROR_LINE.matcher(l).find()).toList()) {
            String reason = reason(line);
            if (reason != null) {
                reasons.merge(reason, 1, Integer::sum);
            }
        }
        return reasons;
    }

    private static String reason(String line) {
        Matcher response = RESPONSE.matcher(line);
        if (response.find()) {
            return "SIP " + response.group(1);
        }
        Matcher request = REQUEST.matcher(line);
        if (request.find()) {
            return "unexpected " + request.group(1);
        }
        String lower = line.toLowerCase();
        if (lower.contains("timeout")) {
            return "timeout";
        }
        if (lower.contains("retrans")) {
            return "max retransmissions";
        }
        String message = line.replaceFirst("^\\S+\\s+\\S+\\s+\\S+:\\s*", "").strip();
        return message.isEmpty() ? null : "other: " + message.substring(0, Math.min(60, message.length()));
    }
}
