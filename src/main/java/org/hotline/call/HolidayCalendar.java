package org.hotline.call;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.config.HolidaysConfig;

/**
 * Which holiday a date is, for rule R2's greeting and rule R10's closing: the national holidays
 * 元旦, 春节, 五一, 中秋 and 国庆 (春节 and 中秋 on the Chinese lunisolar calendar, computed by ICU4J)
 * and the site's extra dates. Immutable; any thread.
 */
public final class HolidayCalendar {

    /** The holidays that change the greeting; SITE is a configured extra date. */
    public enum Holiday { NEW_YEAR, SPRING_FESTIVAL, LABOUR_DAY, MID_AUTUMN, NATIONAL_DAY, SITE }

    /**
     * Lunar new years that ICU4J (76.1, and 78.1 alike) places a day off, because the new moon falls
     * within minutes of midnight Beijing time and ICU's lunar model is a few minutes out. The
     * dates are those of the official calendar (Purple Mountain Observatory, as tabulated by the
     * Hong Kong Observatory). Checked for 1901-2100: ICU's other new years and every 中秋 agree.
     */
    static final Map<Integer, LocalDate> NEW_YEAR_CORRECTIONS = Map.of(
            1954, LocalDate.of(1954, 2, 3),
            2027, LocalDate.of(2027, 2, 6),
            2030, LocalDate.of(2030, 2, 3));

    /** ICU's extended Chinese year for a Gregorian year in which its lunar new year falls. */
    private static final int CHINESE_EXTENDED_YEAR_OFFSET = 2637;
    private static final int MID_AUTUMN_MONTH = 8;
    private static final int MID_AUTUMN_DAY = 15;
    private static final int LABOUR_DAY_DAYS = 5;
    private static final int NATIONAL_DAY_DAYS = 7;

    private final boolean nationalHolidays;
    private final int springFestivalDays;
    private final Set<LocalDate> extraDates;

    public HolidayCalendar(HolidaysConfig config) {
        this.nationalHolidays = config.nationalHolidays();
        this.springFestivalDays = config.springFestivalDays();
        this.extraDates = Set.copyOf(config.extraDates());
    }

    /** The holiday {@code date} falls on; 春节 wins over a coinciding site date. */
    public Optional<Holiday> holidayOn(LocalDate date) {
        if (nationalHolidays) {
            Optional<Holiday> national = nationalHoliday(date);
            if (national.isPresent()) {
                return national;
            }
        }
        return extraDates.contains(date) ? Optional.of(Holiday.SITE) : Optional.empty();
    }

    /** The Gregorian date of lunar new year (正月初一) in {@code year}. */
    public static LocalDate lunarNewYear(int year) {
        LocalDate corrected = NEW_YEAR_CORRECTIONS.get(year);
        return corrected != null ? corrected : lunarToGregorian(year, 1, 1);
    }

    /** The Gregorian date of 中秋 (lunar 8/15) in {@code year}. */
    public static LocalDate midAutumn(int year) {
        return lunarToGregorian(year, MID_AUTUMN_MONTH, MID_AUTUMN_DAY);
    }

    private Optional<Holiday> nationalHoliday(LocalDate date) {
        LocalDate newYear = lunarNewYear(date.getYear());
        if (!date.isBefore(newYear) && date.isBefore(newYear.plusDays(springFestivalDays))) {
            return Optional.of(Holiday.SPRING_FESTIVAL);
        }
        if (date.equals(midAutumn(date.getYear()))) {
            return Optional.of(Holiday.MID_AUTUMN);
        }
        if (date.getMonth() == Month.JANUARY && date.getDayOfMonth() == 1) {
            return Optional.of(Holiday.NEW_YEAR);
        }
        if (date.getMonth() == Month.MAY && date.getDayOfMonth() <= LABOUR_DAY_DAYS) {
            return Optional.of(Holiday.LABOUR_DAY);
        }
        if (date.getMonth() == Month.OCTOBER && date.getDayOfMonth() <= NATIONAL_DAY_DAYS) {
            return Optional.of(Holiday.NATIONAL_DAY);
        }
        return Optional.empty();
    }

    /**
     * A day of a non-leap lunar month of the Chinese year starting in Gregorian {@code year}. ICU
     * reckons months in China's time; a GMT calendar only turns the result into a civil date.
     */
    private static LocalDate lunarToGregorian(int year, int month, int day) {
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.GMT_ZONE);
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, year + CHINESE_EXTENDED_YEAR_OFFSET);
        calendar.set(Calendar.MONTH, month - 1);
        calendar.set(Calendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.ofInstant(Instant.ofEpochMilli(calendar.getTimeInMillis()), ZoneOffset.UTC);
    }
}
