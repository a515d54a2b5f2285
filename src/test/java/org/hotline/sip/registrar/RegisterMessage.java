package org.hotline.sip.registrar;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

/** Builds REGISTER requests as a softphone writes them on the wire, parsed by JAIN-SIP's MessageFactory. */
final class RegisterMessage {

    static final String DOMAIN = "hotline.example";
    static final String REQUEST_URI = "sip:" + DOMAIN;

    private final String user;
    private String callId = "reg-1@192.0.2.10";
    private long cseq = 1;
    private Integer expires;
    private final List<String> contacts = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    private RegisterMessage(String user) {
        this.user = user;
    }

    static RegisterMessage of(String user) {
        return new RegisterMessage(user);
    }

    String user() {
        return user;
    }

    RegisterMessage callId(String value) {
        callId = value;
        return this;
    }

    RegisterMessage cseq(long value) {
        cseq = value;
        return this;
    }

    RegisterMessage expires(int seconds) {
        expires = seconds;
        return this;
    }

    /** A Contact header value, e.g. {@code <sip:1001@192.0.2.10:5060>;expires=60} or {@code *}. */
    RegisterMessage contact(String value) {
        contacts.add(value);
        return this;
    }

    RegisterMessage authorization(String value) {
        authorizations.add(value);
        return this;
    }

    String text() {
        StringBuilder text = new StringBuilder()
                .append("REGISTER ").append(REQUEST_URI).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 192.0.2.10:5060;rport;branch=z9hG4bK-").append(callId.hashCode()).append('-')
                .append(cseq).append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <sip:").append(user).append('@').append(DOMAIN).append(">;tag=f-").append(user).append("\r\n")
                .append("To: <sip:").append(user).append('@').append(DOMAIN).append(">\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(" REGISTER\r\n");
        contacts.forEach(contact -> text.append("Contact: ").append(contact).append("\r\n"));
        if (expires != null) {
            text.append("Expires: ").append(expires).append("\r\n");
        }
        authorizations.forEach(value -> text.append("Authorization: ").append(value).append("\r\n"));
        return text.append("User-Agent: baresip\r\nContent-Length: 0\r\n\r\n").toString();
    }

    Request build(MessageFactory messages) throws ParseException {
        return messages.createRequest(text());
    }
}
