package org.hotline.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler's answer: a status and a body written as JSON (records, maps, lists, strings, numbers).
 */
public record ApiResponse(int status, Object body) {

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
