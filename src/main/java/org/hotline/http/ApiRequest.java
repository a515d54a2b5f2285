package org.hotline.http;

import java.util.Map;

/**
 * A request as a handler sees it: the path parameters its route's template named, and the body.
 *
 * @param parameters path parameters by name, e.g. {@code workNumber}
 */
public record ApiRequest(String method, String path, Map<String, String> parameters, byte[] body) {

    public ApiRequest {
        parameters = Map.copyOf(parameters);
        body = body.clone();
    }

    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route names no parameter " + name);
        }
        return value;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
