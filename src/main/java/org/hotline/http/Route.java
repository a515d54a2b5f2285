package org.hotline.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the API's route table: a method, a path template such as
 * {@code /api/agents/{workNumber}/status} (each {@code {name}} matches one path segment), and the
 * handler. Immutable.
 */
public record Route(String method, String template, Handler handler) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with /: " + template);
        }
    }

    /** Serves one request; runs on a virtual thread of the server and may block briefly. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    public static Route get(String template, Handler handler) {
        return new Route("GET", template, handler);
    }

    public static Route post(String template, Handler handler) {
        return new Route("POST", template, handler);
    }

    public static Route put(String template, Handler handler) {
        return new Route("PUT", template, handler);
    }

    /** The path parameters by name if {@code path} matches the template. */
    Optional<Map<String, String>> match(String path) {
        List<String> names = new ArrayList<>();
        Matcher parameters = PARAMETER.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (parameters.find()) {
            regex.append(Pattern.quote(template.substring(last, parameters.start()))).append("([^/]+)");
            names.add(parameters.group(1));
            last = parameters.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Matcher matcher = Pattern.compile(regex.toString()).matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(values);
    }
}
