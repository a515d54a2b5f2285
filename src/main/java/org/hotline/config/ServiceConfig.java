package org.hotline.config;

import java.time.ZoneId;
import java.util.List;

/**
 * Who the hotline is: the numbers it answers (SIP Request-URI user part; anything else gets 404),
 * the caller's default language (rule R6: Mandarin, {@code zh-CN}) and the other languages offered,
 * and the time zone greetings, business hours and holidays are computed in.
 *
 * @param numbers         {@code service.numbers}: required, at least one
 * @param defaultLanguage {@code service.defaultLanguage}: one of {@code languages}; default {@code zh-CN} (rule R6)
 * @param languages       {@code service.languages}: every language needs {@code prompts/<language>/}; default {@code [zh-CN]}
 * @param timeZone        {@code service.timeZone}: default {@code Asia/Shanghai}
 */
public record ServiceConfig(List<String> numbers, String defaultLanguage, List<String> languages, ZoneId timeZone) {
}
