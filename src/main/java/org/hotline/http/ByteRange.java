package org.hotline.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file (RFC 9110 §14.1.2), from a {@code Range: bytes=...} header: {@code
 * first-last}, {@code first-} or the suffix {@code -length}. A header this server does not serve
 * (several ranges, another unit) is ignored and the whole file sent, as §14.2 allows. Immutable.
 *
 * @param first offset of the first byte
 * @param last  offset of the last byte, inclusive
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public long length() {
        return last - first + 1;
    }

    /** {@code bytes first-last/size} for Content-Range. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** What a Range header asks of a file of {@code size} bytes. */
    public sealed interface Request {
        /** No usable Range header: send everything (200). */
        record Whole() implements Request {}

        /** One satisfiable range (206). */
        record Part(ByteRange range) implements Request {}

        /** A range outside the file (416 with {@code Content-Range: bytes *}{@code /size}). */
        record Unsatisfiable() implements Request {}
    }

    public static Request parse(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return new Request.Whole();
        }
        Matcher matcher = SINGLE.matcher(header.get().strip());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return new Request.Whole();
        }
        try {
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                return suffix == 0 || size == 0 ? new Request.Unsatisfiable()
                        : new Request.Part(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(matcher.group(1));
            long last = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
            if (first >= size) {
                return new Request.Unsatisfiable();
            }
            return last < first ? new Request.Whole() : new Request.Part(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return new Request.Whole(); // a number beyond long: not a range we can serve
        }
    }
}
