package org.hotline.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one SIPp run did: its exit code (0 all calls passed, 1 some failed, 97/99/255 see
 * {@code man sipp}), the call counters of {@code -trace_stat}, every SIP message with its timestamp
 * ({@code -trace_msg}), the {@code <log>} action lines ({@code -trace_logs}), the final screen and
 * the run directory holding all of them. Immutable.
 */
public record SippResult(
        String scenario,
        int exitCode,
        boolean timedOut,
        Map<String, String> stats,
        List<SipTraceMessage> messages,
        List<String> logLines,
        String screen,
        String errors,
        String stdout,
        String stderr,
        Path runDirectory) {

    public int successfulCalls() {
        return counter("SuccessfulCall(C)");
    }

    public int failedCalls() {
        return counter("FailedCall(C)");
    }

    /** Exit code 0, at least one successful call and no failed one. */
    public boolean passed() {
        return !timedOut && exitCode == 0 && successfulCalls() > 0 && failedCalls() == 0;
    }

    /** Throws with {@link #describe()} unless {@link #passed()}. */
    public SippResult assertPassed() {
        if (!passed()) {
            throw new AssertionError("SIPp scenario " + scenario + " did not pass\n" + describe());
        }
        return this;
    }

    /** A cumulative counter of {@code -trace_stat}, e.g. {@code FailedTimeoutOnRecv(C)}; 0 if absent. */
    public int counter(String column) {
        String value = stats.get(column);
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value);
    }

    /**
     * The mean of a named response-time measure ({@code start_rtd="ring"} … {@code rtd="ring"}) over
     * the run, from the {@code ResponseTime<name>(C)} column ({@code hh:mm:ss:micros}).
     */
    public Duration responseTime(String rtdName) {
        String value = stats.get("ResponseTime" + rtdName + "(C)");
        if (value == null) {
            throw new AssertionError("SIPp " + scenario + " has no response time '" + rtdName + "'; columns " + stats.keySet());
        }
        String[] parts = value.split(":");
        return Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                .plusSeconds(Long.parseLong(parts[2])).plusNanos(Long.parseLong(parts[3]) * 1000);
    }

    /** The first message matching {@code filter}; fails listing all messages if there is none. */
    public SipTraceMessage first(Predicate<SipTraceMessage> filter, String description) {
        return messages.stream().filter(filter).findFirst().orElseThrow(() -> new AssertionError(
                "SIPp " + scenario + " logged no " + description + "; messages:\n" + summary()));
    }

    /** The first received response with {@code code} to a {@code method} request, e.g. (200, "INVITE"). */
    public SipTraceMessage firstReceivedResponse(int code, String method) {
        return first(m -> m.direction() == SipTraceMessage.Direction.RECEIVED && m.isResponse(code) && m.method().equals(method),
                "received " + code + " to " + method);
    }

    public SipTraceMessage firstReceivedRequest(String method) {
        return first(m -> m.direction() == SipTraceMessage.Direction.RECEIVED && m.isRequest(method), "received " + method);
    }

    public SipTraceMessage firstSentRequest(String method) {
        return first(m -> m.direction() == SipTraceMessage.Direction.SENT && m.isRequest(method), "sent " + method);
    }

    /** One line per message: time, direction, first line. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        messages.forEach(m -> out.append("  ").append(m).append('\n'));
        return out.toString();
    }

    /** Everything useful in a failure message. */
    public String describe() {
        return "exit code " + exitCode + (timedOut ? " (killed at the deadline)" : "")
                + ", successful " + successfulCalls() + ", failed " + failedCalls()
                + ", run directory " + runDirectory
                + "\nmessages:\n" + summary()
                + "errors:\n" + errors
                + "\nscreen:\n" + screen
                + "\nstderr:\n" + stderr;
    }
}
