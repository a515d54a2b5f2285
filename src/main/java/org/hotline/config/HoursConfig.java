package org.hotline.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Rule R19: service hours. {@code alwaysOpen} is 7x24; otherwise the weekly windows apply and
 * after-hours callers get {@code afterHours}.
 */
public record HoursConfig(boolean alwaysOpen, List<Window> weekly, AfterHours afterHours) {

    /** Open from {@code from} (inclusive) to {@code to} (exclusive) on each of {@code days}. */
    public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {}

    /**
     * What after-hours callers get: {@code MESSAGE} plays the after-hours message and closes;
     * {@code FORWARD} says rule R9's transfer phrase and transfers to {@code forwardUri}.
     */
    public record AfterHours(Action action, String forwardUri) {
        public enum Action { MESSAGE, FORWARD }
    }
}
