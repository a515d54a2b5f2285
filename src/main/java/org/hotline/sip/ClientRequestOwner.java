package org.hotline.sip;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/**
 * Whoever sent a request on a client transaction (its application data) and hears how it went:
 * every {@link DialogEndpoint}, and the trunk's registration, which has no dialog. The dispatcher
 * calls these on a SIP stack thread; they must not block.
 */
interface ClientRequestOwner {

    /** The Call-ID for logs. */
    String callId();

    /** A response to a request this owner sent on {@code ct}. */
    void onResponse(ClientTransaction ct, Response response);

    /** No response came to the request sent on {@code ct} (Timer B or F, RFC 3261 §17.1). */
    void onClientTimeout(ClientTransaction ct);
}
