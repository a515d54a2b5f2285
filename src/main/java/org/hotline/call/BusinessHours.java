package org.hotline.call;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.hotline.config.HoursConfig;

/**
 * Rule R19: whether the hotline is open at a moment, from the weekly windows in the hotline's time
 * zone (from inclusive, to exclusive). Holidays do not close it; a site that closes on holidays
 * says so with windows. Immutable; any thread.
 */
public final class BusinessHours {

    private final HoursConfig hours;
    private final ZoneId zone;

    public BusinessHours(HoursConfig hours, ZoneId zone) {
        this.hours = hours;
        this.zone = zone;
    }

    public boolean isOpen(Instant now) {
        if (hours.alwaysOpen()) {
            return true;
        }
        ZonedDateTime local = now.atZone(zone);
        return hours.weekly().stream().anyMatch(window -> window.days().contains(local.getDayOfWeek())
                && !local.toLocalTime().isBefore(window.from())
                && local.toLocalTime().isBefore(window.to()));
    }
}
