package org.hotline.sip;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * An agent's softphone for tests, in raw SIP over UDP or TCP: registers with digest auth, and plays the
 * UAS of the INVITEs the front sends it (RFC 3261 §12.1.1: our To tag, our Contact), then acts in
 * that dialog (BYE, re-INVITE, REFER, answers to the front's requests).
 */
final class AgentPhone implements AutoCloseable {

    static final String ANSWER_SDP = "v=0\r\no=agent 7 7 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 7000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
            + "a=sendrecv\r\n";

    final SipTestPhone phone;
    final String user;
    private final String registerCallId = UUID.randomUUID() + "@agent";
    private final Set<String> invitesTaken = new HashSet<>();
    private long registerCseq;

    AgentPhone(int serverPort, String user) throws IOException {
        this(SipTestPhone.udp(serverPort), user);
    }

    AgentPhone(SipTestPhone phone, String user) {
        this.phone = phone;
        this.user = user;
    }

    /** Over TCP the contact is the connection's own address, as softphones behind NAT register. */
    String contact() {
        return "sip:" + user + "@127.0.0.1:" + phone.localPort()
                + (phone.transport().equals("TCP") ? ";transport=tcp" : "");
    }

    private String via() {
        return "Via: SIP/2.0/" + phone.transport() + " 127.0.0.1:" + phone.localPort() + ";branch=" + PhoneCall.branch()
                + ";rport\r\n";
    }

    /** REGISTER, answer the 401 with {@code password} (SHA-256), return the final response. */
    SipMessage register(String password, int expiresSeconds) {
        String uri = "sip:127.0.0.1:" + phone.serverPort();
        sendRegister(uri, expiresSeconds, null);
        SipMessage challenge = phone.awaitFinal(registerCallId, "REGISTER");
        if (challenge.status() != 401) {
            return challenge;
        }
        sendRegister(uri, expiresSeconds, AgentDigest.answer(challenge, "SHA-256", user, password, "REGISTER", uri));
        return phone.awaitFinal(registerCallId, "REGISTER");
    }

    private void sendRegister(String uri, int expiresSeconds, String authorization) {
        registerCseq++;
        phone.send("REGISTER " + uri + " SIP/2.0\r\n"
                + via()
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=r" + user + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + registerCallId + "\r\n"
                + "CSeq: " + registerCseq + " REGISTER\r\n"
                + "Contact: <" + contact() + ">\r\n"
                + "Expires: " + expiresSeconds + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n");
    }

    /** The next new INVITE from the front (retransmissions of one already taken are skipped). */
    Incoming awaitInvite() {
        SipMessage invite = phone.await(m -> !m.isResponse() && m.method().equals("INVITE")
                && m.toTag().isEmpty() && !invitesTaken.contains(m.callId()), "an INVITE for " + user);
        invitesTaken.add(invite.callId());
        return new Incoming(invite);
    }

    @Override
    public void close() {
        phone.close();
    }

    /** A dialog the front's INVITE creates, with us as the UAS. */
    final class Incoming {

        final SipMessage invite;
        final String callId;
        private final String toTag = UUID.randomUUID().toString().substring(0, 8);
        private final Set<String> taken = new HashSet<>();
        private long cseq = 1;

        Incoming(SipMessage invite) {
            this.invite = invite;
            this.callId = invite.callId();
        }

        void ring() {
            respond(invite, 180, "Ringing", null);
        }

        void answer() {
            respond(invite, 200, "OK", ANSWER_SDP);
        }

        void refuse(int status, String reason) {
            respond(invite, status, reason, null);
        }

        /** Answers a request of this dialog; an INVITE response gets our To tag and Contact. */
        void respond(SipMessage request, int status, String reason, String sdp) {
            String to = request.header("To").orElseThrow();
            if (request.toTag().isEmpty() && status > 100) {
                to = to + ";tag=" + toTag;
            }
            String body = sdp == null ? "" : sdp;
            StringBuilder sb = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
            request.headers("Via").forEach(v -> sb.append("Via: ").append(v).append("\r\n"));
            sb.append("From: ").append(request.header("From").orElseThrow()).append("\r\n");
            sb.append("To: ").append(to).append("\r\n");
            sb.append("Call-ID: ").append(request.callId()).append("\r\n");
            sb.append("CSeq: ").append(request.header("CSeq").orElseThrow()).append("\r\n");
            if (request.method().equals("INVITE") && status > 100 && status < 300) {
                sb.append("Contact: <").append(contact()).append(">\r\n");
            }
            if (sdp != null) {
                sb.append("Content-Type: application/sdp\r\n");
            }
            sb.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
            phone.send(sb.toString());
        }

        /** The next request of this method from the front, skipping retransmissions of those already taken. */
        SipMessage awaitRequest(String method) {
            SipMessage request = phone.await(m -> !m.isResponse() && m.callId().equals(callId)
                    && m.method().equals(method) && !taken.contains(method + " " + m.cseqNumber()),
                    method + " for " + callId);
            taken.add(method + " " + request.cseqNumber());
            return request;
        }

        /** An ACK like one already taken: the front's ACK again for a retransmitted 2xx. */
        SipMessage awaitRepeatedAck() {
            return phone.awaitRequest(callId, "ACK");
        }

        /** The CANCEL of our INVITE: 200 to it, 487 to the INVITE, then the stack's ACK. */
        void acceptCancel() {
            SipMessage cancel = awaitRequest("CANCEL");
            respond(cancel, 200, "OK", null);
            respond(invite, 487, "Request Terminated", null);
            awaitRequest("ACK");
        }

        void bye() {
            send("BYE", null, null, "");
        }

        void reInvite(String sdp) {
            send("INVITE", "application/sdp", sdp, "");
        }

        void refer(String target) {
            send("REFER", null, null, "Refer-To: <" + target + ">\r\nReferred-By: <" + contact() + ">\r\n");
        }

        /** The response to our latest request in this dialog (not a retransmitted one to an earlier request). */
        SipMessage awaitResponse(String method, int status) {
            long wanted = cseq;
            return phone.await(m -> m.isResponse() && m.callId().equals(callId) && m.cseqMethod().equals(method)
                    && m.cseqNumber() == wanted && m.status() == status, status + " to " + method + " " + wanted);
        }

        /** The ACK to the front's 2xx for our re-INVITE (RFC 3261 §13.2.2.4). */
        void ackReInvite() {
            phone.send(request("ACK", cseq + " ACK", null, null, ""));
        }

        private void send(String method, String contentType, String body, String extra) {
            cseq++;
            phone.send(request(method, cseq + " " + method, contentType, body, extra));
        }

        private String request(String method, String cseqLine, String contentType, String body, String extra) {
            String payload = body == null ? "" : body;
            String from = invite.header("To").orElseThrow() + ";tag=" + toTag;
            return method + " " + invite.contactUri().orElseThrow() + " SIP/2.0\r\n"
                    + via()
                    + "Max-Forwards: 70\r\n"
                    + "From: " + from + "\r\n"
                    + "To: " + invite.header("From").orElseThrow() + "\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: " + cseqLine + "\r\n"
                    + "Contact: <" + contact() + ">\r\n"
                    + extra
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + "Content-Length: " + payload.length() + "\r\n\r\n" + payload;
        }
    }
}
