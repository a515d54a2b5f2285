package org.hotline.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler's answer: a status, a body written as JSON (records, maps, lists, strings, numbers),
 * raw {@link Bytes} (a recording) or a {@link Text} written as it is with its own content type
 * (Prometheus's exposition), and extra response headers.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public ApiResponse(int status, Object body) {
        this(status, body, Map.of());
    }

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

    /** The same answer with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, more);
    }

    /**
     * A body that is not JSON: {@code length} bytes of {@code contentType}, written by {@code writer}
     * on the request's thread.
     */
    public record Bytes(String contentType, long length, Writer writer) {

        /** Writes exactly {@code length} bytes. */
        @FunctionalInterface
        public interface Writer {
            void writeTo(OutputStream out) throws IOException;
        }
    }
}
