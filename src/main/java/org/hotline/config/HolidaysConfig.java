package org.hotline.config;

import java.time.LocalDate;
import java.util.List;

/**
 * Rule R2's holiday greetings (and R10's holiday closing). The national holidays (元旦 1/1, 春节,
 * 五一 5/1-5/5, 中秋, 国庆 10/1-10/7) are built in, the lunar ones computed; {@code extraDates} adds
 * site-specific dates that get the generic holiday greeting; {@code springFestivalDays} is how many
 * days from lunar new year get 春节好.
 *
 * @param nationalHolidays   whether the national holidays count; default true
 * @param springFestivalDays 1-15 days from lunar 1/1; default 7
 * @param extraDates         ISO dates, e.g. {@code [2026-06-18]}; default none
 */
public record HolidaysConfig(boolean nationalHolidays, int springFestivalDays, List<LocalDate> extraDates) {
}
