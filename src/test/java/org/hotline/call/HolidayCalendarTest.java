package org.hotline.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hotline.call.HolidayCalendar.Holiday;
import org.hotline.config.HolidaysConfig;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    private final HolidayCalendar calendar =
            new HolidayCalendar(new HolidaysConfig(true, 7, List.of(LocalDate.of(2026, 6, 18))));

    @Test
    void findsSpringFestivalOnTheLunarNewYear() {
        assertEquals(Optional.of(Holiday.SPRING_FESTIVAL), calendar.holidayOn(LocalDate.of(2026, 2, 17)));
        assertEquals(Optional.of(Holiday.SPRING_FESTIVAL), calendar.holidayOn(LocalDate.of(2027, 2, 6)));
    }

    @Test
    void followsTheOfficialCalendarWhereIcuIsADayOff() {
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2027, 2, 5)));
        assertEquals(Optional.of(Holiday.SPRING_FESTIVAL), calendar.holidayOn(LocalDate.of(2027, 2, 12)), "day 7");
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2027, 2, 13)), "day 8");
        assertEquals(LocalDate.of(2030, 2, 3), HolidayCalendar.lunarNewYear(2030));
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2030, 2, 2)));
    }

    @Test
    void computesLunarDatesForOrdinaryYears() {
        assertEquals(LocalDate.of(2025, 1, 29), HolidayCalendar.lunarNewYear(2025));
        assertEquals(LocalDate.of(2033, 1, 31), HolidayCalendar.lunarNewYear(2033));
        assertEquals(LocalDate.of(2027, 9, 15), HolidayCalendar.midAutumn(2027));
        assertEquals(LocalDate.of(2028, 10, 3), HolidayCalendar.midAutumn(2028));
    }

    @Test
    void springFestivalLastsTheConfiguredDaysFromLunarNewYear() {
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2026, 2, 16)), "除夕 is the day before");
        assertEquals(Optional.of(Holiday.SPRING_FESTIVAL), calendar.holidayOn(LocalDate.of(2026, 2, 23)), "day 7");
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2026, 2, 24)), "day 8");
    }

    @Test
    void findsMidAutumnOnLunarEighthMonthFifteenth() {
        assertEquals(Optional.of(Holiday.MID_AUTUMN), calendar.holidayOn(LocalDate.of(2026, 9, 25)));
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2026, 9, 24)));
        assertEquals(Optional.of(Holiday.MID_AUTUMN), calendar.holidayOn(LocalDate.of(2025, 10, 6)), "inside 国庆 too");
    }

    @Test
    void findsTheSolarNationalHolidays() {
        assertEquals(Optional.of(Holiday.NEW_YEAR), calendar.holidayOn(LocalDate.of(2026, 1, 1)));
        assertEquals(Optional.of(Holiday.LABOUR_DAY), calendar.holidayOn(LocalDate.of(2026, 5, 1)));
        assertEquals(Optional.of(Holiday.LABOUR_DAY), calendar.holidayOn(LocalDate.of(2026, 5, 5)));
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2026, 5, 6)));
        assertEquals(Optional.of(Holiday.NATIONAL_DAY), calendar.holidayOn(LocalDate.of(2026, 10, 1)));
        assertEquals(Optional.of(Holiday.NATIONAL_DAY), calendar.holidayOn(LocalDate.of(2026, 10, 7)));
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2026, 10, 8)));
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2026, 1, 2)));
    }

    @Test
    void addsConfiguredExtraDates() {
        assertEquals(Optional.of(Holiday.SITE), calendar.holidayOn(LocalDate.of(2026, 6, 18)));
        assertEquals(Optional.empty(), calendar.holidayOn(LocalDate.of(2027, 6, 18)));
    }

    @Test
    void withoutNationalHolidaysOnlyExtraDatesCount() {
        HolidayCalendar siteOnly = new HolidayCalendar(new HolidaysConfig(false, 7, List.of(LocalDate.of(2026, 6, 18))));

        assertEquals(Optional.empty(), siteOnly.holidayOn(LocalDate.of(2026, 2, 17)));
        assertEquals(Optional.empty(), siteOnly.holidayOn(LocalDate.of(2026, 10, 1)));
        assertEquals(Optional.of(Holiday.SITE), siteOnly.holidayOn(LocalDate.of(2026, 6, 18)));
    }
}
