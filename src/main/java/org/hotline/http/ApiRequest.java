package org.hotline.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request as a handler sees it: the path parameters its route's template named, the body, the
 * headers (names in lower case), the query parameters (decoded; the first of repeated ones) and
 * the client's address.
 *
 * @param parameters path parameters by name, e.g. {@code workNumber}
 */
public record ApiRequest(String method, String path, Map<String, String> parameters, byte[] body,
        Map<String, List<String>> headers, Map<String, String> query, String remote) {

    public ApiRequest {
        parameters = Map.copyOf(parameters);
        body = body.clone();
        headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> List.copyOf(entry.getValue()), (a, b) -> a));
        query = Map.copyOf(query);
    }

    /** A request without headers or query (tests, internal callers). */
    public ApiRequest(String method, String path, Map<String, String> parameters, byte[] body) {
        this(method, path, parameters, body, Map.of(), Map.of(), "");
    }

    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route names no parameter " + name);
        }
        return value;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
