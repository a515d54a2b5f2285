package org.hotline.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A queue's recording policy (rule R14: calls are recorded for QA): {@code all} (the default),
 * {@code none}, or {@code <n>%} of its calls, drawn per call with the recorder's seeded random.
 *
 * @param percent 0-100: the share of the queue's calls that are recorded
 */
public record RecordingPolicy(int percent) {

    public static final RecordingPolicy ALL = new RecordingPolicy(100);
    public static final RecordingPolicy NONE = new RecordingPolicy(0);

    /** What the configuration accepts, for error messages. */
    public static final String EXPECTED = "expected all, none or a whole percentage like 25%";

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*%");

    public RecordingPolicy {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("recording percentage must be 0-100, was " + percent);
        }
    }

    /** {@code all}, {@code none} or {@code 0%}..{@code 100%}; empty for anything else. */
    public static Optional<RecordingPolicy> parse(String text) {
        String value = text.strip();
        if (value.equals("all")) {
            return Optional.of(ALL);
        }
        if (value.equals("none")) {
            return Optional.of(NONE);
        }
        Matcher m = PERCENT.matcher(value);
        if (m.matches()) {
            int percent = Integer.parseInt(m.group(1));
            return percent <= 100 ? Optional.of(new RecordingPolicy(percent)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** As written in the YAML. */
    @Override
    public String toString() {
        return percent == 100 ? "all" : percent == 0 ? "none" : percent + "%";
    }
}
