package org.hotline.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hotline.config.HoursConfig;
import org.hotline.config.HoursConfig.AfterHours;
import org.hotline.config.HoursConfig.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AfterHours MESSAGE = new AfterHours(AfterHours.Action.MESSAGE, null);

    private final BusinessHours hours = new BusinessHours(new HoursConfig(false, List.of(
            new Window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 30), LocalTime.of(17, 30)),
            new Window(Set.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(12, 0))), MESSAGE), SHANGHAI);

    @ParameterizedTest(name = "{0} open={1}")
    @CsvSource({
            "2026-03-09T08:29:59, false",   // Monday, a second before opening
            "2026-03-09T08:30, true",       // opening time is inclusive
            "2026-03-09T17:29:59, true",
            "2026-03-09T17:30, false",      // closing time is exclusive
            "2026-03-13T12:00, true",       // Friday
            "2026-03-14T08:59, false",      // Saturday before 09:00
            "2026-03-14T09:00, true",
            "2026-03-14T11:59:59, true",
            "2026-03-14T12:00, false",
            "2026-03-15T10:00, false",      // Sunday
    })
    void isOpenInsideTheWeeklyWindowsOnly(String localDateTime, boolean open) {
        assertEquals(open, hours.isOpen(at(localDateTime)));
    }

    @Test
    void judgesInTheHotlinesZone() {
        assertTrue(hours.isOpen(Instant.parse("2026-03-09T00:30:00Z")), "08:30 in Shanghai");
        assertFalse(hours.isOpen(Instant.parse("2026-03-09T09:45:00Z")), "17:45 in Shanghai");
    }

    @Test
    void alwaysOpenIsOpenAtNight() {
        BusinessHours always = new BusinessHours(new HoursConfig(true, List.of(), MESSAGE), SHANGHAI);

        assertTrue(always.isOpen(at("2026-03-15T03:00")));
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
