package org.hotline.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler's answer: a status and a body written as JSON (records, maps, lists, strings, numbers),
 * or, for a {@link Text} body, written as it is with its own content type (Prometheus's exposition).
 */
public record ApiResponse(int status, Object body) {

    /** A body sent verbatim, UTF-8, with {@code contentType}. */
    public record Text(String contentType, String content) {
    }

    public static ApiResponse text(int status, String contentType, String content) {
        return new ApiResponse(status, new Text(contentType, content));
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    /** An error: {@code {"error": ..., "field": ...}}; {@code field} names the request field at fault, or null. */
    public static ApiResponse error(int status, String error, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        return new ApiResponse(status, body);
    }
}
