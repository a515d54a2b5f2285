package org.hotline.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.hotline.config.HolidaysConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GreetingSelectorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final GreetingSelector selector = new GreetingSelector(SHANGHAI,
            new HolidayCalendar(new HolidaysConfig(true, 7, List.of(LocalDate.of(2026, 6, 18)))));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-03-10T04:59:59, greeting.hello",
            "2026-03-10T05:00, greeting.morning",
            "2026-03-10T10:59:59, greeting.morning",
            "2026-03-10T11:00, greeting.noon",
            "2026-03-10T12:59:59, greeting.noon",
            "2026-03-10T13:00, greeting.afternoon",
            "2026-03-10T17:59:59, greeting.afternoon",
            "2026-03-10T18:00, greeting.hello",
            "2026-03-10T23:59, greeting.hello",
            "2026-03-10T00:00, greeting.hello",
    })
    void salutesByTimeOfDayInTheHotlinesZone(String localTime, String salutation) {
        assertEquals(List.of(salutation, "greeting.welcome"), selector.greeting(at(localTime)));
    }

    @Test
    void usesTheHotlinesZoneNotUtc() {
        Instant nineInShanghai = Instant.parse("2026-03-10T01:00:00Z");

        assertEquals("greeting.morning", selector.salutation(nineInShanghai));
    }

    @Test
    void greetsSpringFestivalInsteadOfTimeOfDay() {
        assertEquals(List.of("greeting.spring-festival", "greeting.welcome"), selector.greeting(at("2026-02-17T09:00")));
        assertEquals(List.of("greeting.spring-festival", "greeting.welcome"), selector.greeting(at("2027-02-06T20:00")));
    }

    @Test
    void greetsOtherHolidaysWithTheHolidayGreeting() {
        assertEquals("greeting.holiday", selector.salutation(at("2026-09-25T14:00")));
        assertEquals("greeting.holiday", selector.salutation(at("2025-10-06T14:00")));
        assertEquals("greeting.holiday", selector.salutation(at("2026-01-01T08:00")));
        assertEquals("greeting.holiday", selector.salutation(at("2026-06-18T12:00")));
    }

    @Test
    void holidayStartsAtLocalMidnight() {
        assertEquals("greeting.hello", selector.salutation(at("2026-09-24T23:59:59")));
        assertEquals("greeting.holiday", selector.salutation(at("2026-09-25T00:00")));
    }

    @Test
    void closesWithHolidayWishesOnHolidaysOnly() {
        assertEquals("closing.holiday", selector.closing(at("2026-02-17T09:00")));
        assertEquals("closing.holiday", selector.closing(at("2026-10-03T09:00")));
        assertEquals("closing.normal", selector.closing(at("2026-03-10T09:00")));
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
