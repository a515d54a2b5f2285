package org.hotline.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Overrides that turn the 7x24 demo line into an office-hours line (rule R19): Monday to Friday
 * 08:30-17:30 and Saturday 09:00-12:00, for tests of the after-hours branch.
 */
public final class OfficeHours {

    private static final Map<String, String> OVERRIDES = Map.of(
            "hours.alwaysOpen", "false",
            "hours.weekly", "[{days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY], from: '08:30', to: '17:30'},"
                    + " {days: [SATURDAY], from: '09:00', to: '12:00'}]");

    private OfficeHours() {
    }

    /** The office-hours overrides plus {@code more} (which win on the same key). */
    public static Map<String, String> with(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(OVERRIDES);
        all.putAll(more);
        return all;
    }

    public static HotlineConfig config(Map<String, String> more) {
        return ConfigLoader.loadDefault(with(more));
    }
}
