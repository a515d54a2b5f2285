package org.hotline.sip.registrar;

import java.text.ParseException;
import java.time.Clock;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.TimeZone;
import java.util.random.RandomGenerator;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Builds the registrar's responses with the JAIN-SIP factories: every response gets a To tag
 * (RFC 3261 §8.2.6.2, 32+ random bits per §19.3) and a Date header (§10.3 step 8). The factories
 * are thread-safe in the RI and the random generator must be too (pass a SecureRandom); any thread.
 */
public final class SipResponses {

    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final Clock clock;
    private final RandomGenerator tags;

    public SipResponses(MessageFactory messages, HeaderFactory headers, Clock clock, RandomGenerator tags) {
        this.messages = messages;
        this.headers = headers;
        this.clock = clock;
        this.tags = tags;
    }

    public HeaderFactory headers() {
        return headers;
    }

    Response create(Request request, int status) {
        return create(request, status, null);
    }

    /** A response with the standard reason phrase, or {@code reason} if not null. */
    Response create(Request request, int status, String reason) {
        try {
            Response response = messages.createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(HexFormat.of().toHexDigits(tags.nextLong()));
            }
            Calendar now = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
            now.setTimeInMillis(clock.millis());
            response.setHeader(headers.createDateHeader(now));
            return response;
        } catch (ParseException e) {
            throw new ResponseBuildException("cannot build a " + status + " response", e);
        }
    }
}
