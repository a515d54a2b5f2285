package org.hotline.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the configuration's scalar types from YAML strings: durations in our own syntax ({@link
 * DurationFormat}), time zones, times of day ({@code "08:30"}), dates ({@code 2026-01-01}),
 * paths, recording policies ({@code all}, {@code none}, {@code 25%}) and retentions ({@code 90d}, {@code forever}). Each failure names what was expected.
 */
final class ConfigValueModule extends SimpleModule {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("H:mm[:ss]");

    ConfigValueModule() {
        super("hotline-config-values");
        addDeserializer(Duration.class, new TextDeserializer<>(Duration.class, DurationFormat::parse, DurationFormat.EXPECTED));
        addDeserializer(ZoneId.class, new TextDeserializer<>(ZoneId.class, text -> attempt(() -> ZoneId.of(text)),
                "expected a time zone like Asia/Shanghai"));
        addDeserializer(LocalTime.class, new TextDeserializer<>(LocalTime.class, text -> attempt(() -> LocalTime.parse(text, TIME_OF_DAY)),
                "expected a time of day like \"08:30\""));
        addDeserializer(LocalDate.class, new TextDeserializer<>(LocalDate.class, text -> attempt(() -> LocalDate.parse(text)),
                "expected a date like 2026-10-01"));
        addDeserializer(Path.class, new TextDeserializer<>(Path.class, text -> attempt(() -> Path.of(text)),
                "expected a file system path"));
        addDeserializer(RecordingPolicy.class, new TextDeserializer<>(RecordingPolicy.class, RecordingPolicy::parse,
                RecordingPolicy.EXPECTED));
        addDeserializer(RecordingRetention.class, new TextDeserializer<>(RecordingRetention.class, RecordingRetention::parse,
                RecordingRetention.EXPECTED));
    }

    private interface Parse<T> {
        T run();
    }

    private static <T> Optional<T> attempt(Parse<T> parse) {
        try {
            return Optional.of(parse.run());
        } catch (DateTimeException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** A value the configuration cannot use; its message is the reason shown to the operator. */
    static final class BadValueException extends JsonMappingException {

        @Serial
        private static final long serialVersionUID = 1L;

        BadValueException(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    /** Accepts only a YAML string, parsed by {@code parse}; anything else fails with {@code expected}. */
    private static final class TextDeserializer<T> extends StdScalarDeserializer<T> {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient Function<String, Optional<T>> parse;
        private final String expected;

        TextDeserializer(Class<T> type, Function<String, Optional<T>> parse, String expected) {
            super(type);
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                throw new BadValueException(parser, "expected a single value, not a list or section: " + expected);
            }
            if (token != JsonToken.VALUE_STRING) {
                throw new BadValueException(parser, parser.getText() + " is not valid here: " + expected);
            }
            String text = parser.getText();
            return parse.apply(text).orElseThrow(() -> new BadValueException(parser, "\"" + text + "\" is not valid here: " + expected));
        }
    }
}
