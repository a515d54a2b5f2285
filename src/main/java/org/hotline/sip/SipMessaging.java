package org.hotline.sip;

import java.util.Locale;
import java.util.List;
import java.text.ParseException;
import java.util.Optional;
import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.TransactionExt;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.sip.Transaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP message factories and the provider, with the few response idioms every handler uses.
 * Immutable after construction; the JAIN-SIP factories and provider are thread-safe, so any thread
 * (stack threads, call virtual threads) may use it.
 */
final class SipMessaging {

    static final String ALLOWED_METHODS = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, NOTIFY, REFER, REGISTER";
    private static final String SERVER_NAME = "Hotline";

    private static final Logger log = LoggerFactory.getLogger(SipMessaging.class);

    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final SipProvider provider;
    private final String advertisedAddress;
    private final int port;
    private final SipTuning tuning;
    private final SipTrafficListener traffic;

    SipMessaging(MessageFactory messages, HeaderFactory headers, AddressFactory addresses, SipProvider provider,
            String advertisedAddress, int port, SipTuning tuning) {
        this(messages, headers, addresses, provider, advertisedAddress, port, tuning, SipTrafficListener.NONE);
    }

    SipMessaging(MessageFactory messages, HeaderFactory headers, AddressFactory addresses, SipProvider provider,
            String advertisedAddress, int port, SipTuning tuning, SipTrafficListener traffic) {
        this.tuning = tuning;
        this.traffic = traffic;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.provider = provider;
        this.advertisedAddress = advertisedAddress;
        this.port = port;
    }

    /**
     * Applies our T1 and T4 to a transaction the stack has not started timing yet; one the stack
     * already started keeps the RFC 3261 defaults.
     */
    static void tune(Transaction tx, SipTuning tuning) {
        try {
            tx.setRetransmitTimer((int) tuning.t1().toMillis());
            if (tx instanceof TransactionExt ext) {
                ext.setTimerT4((int) tuning.t4().toMillis());
            }
        } catch (IllegalStateException e) {
            log.atDebug().addKeyValue("callId", SipCall.callIdOf(tx.getRequest()))
                    .log("transaction timer already running: default timers apply");
        }
    }

    String advertisedAddress() {
        return advertisedAddress;
    }

    /** Where every request and response sent or received is counted. */
    SipTrafficListener traffic() {
        return traffic;
    }

    int port() {
        return port;
    }

    /**
     * The address the request's packet came from (not a header value), as the RI reports it: an
     * IP literal, turned into an address without DNS.
     */
    static InetAddress source(RequestEvent event) {
        String ip = event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : null;
        byte[] bytes = ip == null ? null : NetUtil.createByteArrayFromIpAddressString(ip);
        if (bytes == null) {
            throw new IllegalStateException("the stack gave no source address for " + callIdOf(event));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes from NetUtil", e);
        }
    }

    private static String callIdOf(RequestEvent event) {
        return SipCall.callIdOf(event.getRequest());
    }

    /**
     * The request's server transaction, created if the stack did not hand one over. Empty when the
     * request is a retransmission whose transaction already exists (the stack answers it).
     */
    Optional<ServerTransaction> transactionFor(RequestEvent event) throws SipException {
        ServerTransaction st = event.getServerTransaction();
        if (st != null) {
            tune(st, tuning);
            return Optional.of(st);
        }
        try {
            ServerTransaction created = provider.getNewServerTransaction(event.getRequest());
            tune(created, tuning);
            return Optional.of(created);
        } catch (TransactionAlreadyExistsException e) {
            log.atDebug().addKeyValue("callId", SipCall.callIdOf(event.getRequest()))
                    .log("retransmission absorbed by its transaction");
            return Optional.empty();
        }
    }

    Response response(Request request, int status) throws ParseException {
        Response response = messages.createResponse(status, request);
        response.addHeader(headers.createServerHeader(List.of(SERVER_NAME)));
        return response;
    }

    /** A response to an INVITE that carries our To tag (RFC 3261 §8.2.6.2) and, for 1xx/2xx, our Contact. */
    Response inviteResponse(Request invite, int status, String toTag) throws ParseException {
        Response response = response(invite, status);
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) response.getHeader(javax.sip.header.ToHeader.NAME);
        if (status > 100 && to.getTag() == null) {
            to.setTag(toTag);
        }
        if (status > 100 && status < 300) {
            response.addHeader(contact(invite));
            response.addHeader(headers.createAllowHeader(ALLOWED_METHODS));
        }
        return response;
    }

    /** Sends a response on the transaction; a failure is logged with the Call-ID, never thrown. */
    void send(ServerTransaction st, Response response) {
        try {
            st.sendResponse(response);
            traffic.responseSent(st.getRequest().getMethod(), response.getStatusCode());
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", SipCall.callIdOf(st.getRequest()))
                    .addKeyValue("status", response.getStatusCode()).setCause(e).log("could not send response");
        }
    }

    /** Answers a request with a bare status on its transaction (or statelessly if none can be had). */
    void respond(RequestEvent event, int status) {
        Request request = event.getRequest();
        try {
            Optional<ServerTransaction> st = transactionFor(event);
            if (st.isPresent()) {
                send(st.get(), response(request, status));
            }
        } catch (SipException | ParseException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", SipCall.callIdOf(request)).addKeyValue("status", status)
                    .setCause(e).log("could not answer request");
        }
    }

    /**
     * Answers without a transaction, for requests the stack will not make one for (e.g. an INVITE
     * without Contact, RFC 3261 §8.1.1.8); the response still follows the request's Via.
     */
    void respondStateless(Request request, int status, String reason) {
        try {
            Response response = response(request, status);
            response.setReasonPhrase(reason);
            provider.sendResponse(response);
            traffic.responseSent(request.getMethod(), status);
        } catch (SipException | ParseException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", SipCall.callIdOf(request)).addKeyValue("status", status)
                    .setCause(e).log("could not answer request statelessly");
        }
    }

    /** Our Contact for a dialog created by this request, on the transport it arrived on. */
    ContactHeader contact(Request request) throws ParseException {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
        SipURI uri = addresses.createSipURI(null, advertisedAddress);
        uri.setPort(port);
        if (!"udp".equals(transport)) {
            uri.setTransportParam(transport);
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }
}
