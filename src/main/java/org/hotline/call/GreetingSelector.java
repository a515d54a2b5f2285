package org.hotline.call;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.hotline.call.HolidayCalendar.Holiday;

/**
 * Chooses the greeting (rule R2) and the closing (rule R10) for a moment in the hotline's time
 * zone: a salutation by time of day, or the festival greeting on holidays, then the welcome.
 * Immutable; any thread.
 */
public final class GreetingSelector {

    static final LocalTime MORNING_FROM = LocalTime.of(5, 0);
    static final LocalTime NOON_FROM = LocalTime.of(11, 0);
    static final LocalTime AFTERNOON_FROM = LocalTime.of(13, 0);
    static final LocalTime EVENING_FROM = LocalTime.of(18, 0);

    private final ZoneId zone;
    private final HolidayCalendar holidays;

    public GreetingSelector(ZoneId zone, HolidayCalendar holidays) {
        this.zone = zone;
        this.holidays = holidays;
    }

    /** The greeting's prompts: a salutation, then {@code greeting.welcome}. */
    public List<String> greeting(Instant now) {
        return List.of(salutation(now), PromptNames.GREETING_WELCOME);
    }

    /** {@code closing.holiday} on holidays, else {@code closing.normal} (rule R10). */
    public String closing(Instant now) {
        return holiday(now).isPresent() ? PromptNames.CLOSING_HOLIDAY : PromptNames.CLOSING_NORMAL;
    }

    String salutation(Instant now) {
        Optional<Holiday> holiday = holiday(now);
        if (holiday.isPresent()) {
            return holiday.get() == Holiday.SPRING_FESTIVAL ? PromptNames.GREETING_SPRING_FESTIVAL : PromptNames.GREETING_HOLIDAY;
        }
        LocalTime time = now.atZone(zone).toLocalTime();
        if (time.isBefore(MORNING_FROM) || !time.isBefore(EVENING_FROM)) {
            return PromptNames.GREETING_HELLO;
        }
        if (time.isBefore(NOON_FROM)) {
            return PromptNames.GREETING_MORNING;
        }
        return time.isBefore(AFTERNOON_FROM) ? PromptNames.GREETING_NOON : PromptNames.GREETING_AFTERNOON;
    }

    private Optional<Holiday> holiday(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        return holidays.holidayOn(local.toLocalDate());
    }
}
