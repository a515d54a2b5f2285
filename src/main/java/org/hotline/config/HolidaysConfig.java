package org.hotline.config;

import java.time.LocalDate;
import java.util.List;

/**
 * Rule R2's holiday greetings. The national holidays (元旦, 春节, 五一, 中秋, 国庆) are built in, the
 * lunar ones computed; {@code extraDates} adds site-specific dates that get the generic holiday
 * greeting; {@code springFestivalDays} is how many days from lunar new year get 春节好.
 */
public record HolidaysConfig(boolean nationalHolidays, int springFestivalDays, List<LocalDate> extraDates) {
}
