package org.hotline.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Rule R19: service hours. {@code alwaysOpen} is 7x24; otherwise the weekly windows apply and
 * after-hours callers get {@code afterHours}. Without {@code hours:} (or without windows) the line
 * is 7x24. An on-call line is configured like this:
 * <pre>
 * hours:
 *   weekly:
 *     - {days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY], from: "08:30", to: "17:30"}
 *   afterHours:
 *     action: FORWARD
 *     forwardUri: sip:oncall@pbx.example.com
 * </pre>
 *
 * @param alwaysOpen true for 7x24 (then no windows); defaults to true exactly when no windows are listed
 * @param weekly     the opening windows; may not span midnight
 * @param afterHours what callers outside the windows get; default MESSAGE
 */
public record HoursConfig(boolean alwaysOpen, List<Window> weekly, AfterHours afterHours) {

    /**
     * Open from {@code from} (inclusive) to {@code to} (exclusive) on each of {@code days}.
     *
     * @param days day names as {@code MONDAY}..{@code SUNDAY}, at least one
     * @param from a quoted time of day, e.g. {@code "08:30"}
     * @param to   a quoted time of day after {@code from}
     */
    public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {}

    /**
     * What after-hours callers get: {@code MESSAGE} plays the after-hours message, offers to leave a
     * message ({@code messages.enabled}) and closes; {@code FORWARD} says rule R9's transfer phrase
     * and transfers to {@code forwardUri}: a {@code sip:} URI by REFER (the caller's side places the
     * call), a {@code tel:} number through the {@code trunk} (Hotline dials it with the hotline's
     * caller ID and bridges the caller).
     *
     * @param action     MESSAGE or FORWARD
     * @param forwardUri the on-call line, a {@code sip:}, {@code sips:} or {@code tel:} URI; only with FORWARD
     */
    public record AfterHours(Action action, String forwardUri) {
        public enum Action { MESSAGE, FORWARD }
    }
}
