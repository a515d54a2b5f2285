package org.hotline.config;

import java.time.ZoneId;
import java.util.List;

/**
 * Who the hotline is: the numbers it answers (SIP Request-URI user part; anything else gets 404),
 * the caller's default language (rule R6: Mandarin, {@code zh-CN}) and the other languages offered,
 * and the time zone greetings, business hours and holidays are computed in.
 */
public record ServiceConfig(List<String> numbers, String defaultLanguage, List<String> languages, ZoneId timeZone) {
}
