package org.hotline.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Leaving a message ({@code messages:}, rules R9, R19 and R20): where a queue's failure path,
 * after-hours or the degraded ACD leads, the caller is offered to leave a message, records it
 * after the beep ({@code #} ends it, so do {@code silence} and {@code maxLength}) and hears it
 * confirmed. Messages are kept as WAV files with their details under {@code directory} and
 * listed to supervisors ({@code GET /api/messages}). Defaults are in {@link ConfigDefaults}.
 *
 * @param enabled   whether callers are offered to leave a message; default true
 * @param key       the key that accepts the offer; default {@code 1}
 * @param directory where message files go, relative to the working directory; default {@code messages}
 * @param maxLength longest message, 10s-10m; the recording stops there; default 2m
 * @param silence   this much silence once the caller has spoken ends the message, 2s-30s;
 *                  a caller who says nothing at all is given twice as long; default 5s
 */
public record MessagesConfig(boolean enabled, String key, Path directory, Duration maxLength, Duration silence) {
}
