package org.hotline.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long recordings are kept ({@code recording.retention}, rule R15: recordings are confidential,
 * so they are not kept longer than QA and complaints need): whole days, {@code 90d}, or
 * {@code forever}. Immutable.
 *
 * @param period the age after which a recording is deleted; {@code null} for {@link #FOREVER}
 */
public record RecordingRetention(Duration period) {

    public static final RecordingRetention FOREVER = new RecordingRetention(null);
    public static final String EXPECTED = "write a retention as whole days, e.g. 90d, or forever";

    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");

    public static RecordingRetention ofDays(long days) {
        return new RecordingRetention(Duration.ofDays(days));
    }

    /** {@code 90d} or {@code forever}; empty for anything else. */
    public static Optional<RecordingRetention> parse(String text) {
        String value = text.strip();
        if (value.equals("forever")) {
            return Optional.of(FOREVER);
        }
        Matcher matcher = DAYS.matcher(value);
        return matcher.matches() ? Optional.of(ofDays(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }

    public boolean forever() {
        return period == null;
    }

    @Override
    public String toString() {
        return forever() ? "forever" : period.toDays() + "d";
    }
}
