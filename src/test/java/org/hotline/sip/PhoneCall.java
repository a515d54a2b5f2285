package org.hotline.sip;

import java.util.UUID;

/**
 * The caller's side of one dialog, written as raw SIP text (RFC 3261 §8.1.1 headers, §12 dialog
 * state): INVITE, ACK, BYE, CANCEL, INFO, re-INVITE, NOTIFY, and answers to the server's requests.
 */
final class PhoneCall {

    static final String SDP_OFFER = sdp("sendrecv", 0, 8, 101);

    final SipTestPhone phone;
    final String callId = UUID.randomUUID() + "@test";
    final String fromTag = tag();
    final String number;
    private final String fromUser;
    private final String fromDisplay;
    private String inviteBranch;
    private String toTag;
    private String remoteTarget;
    private long cseq = 1;
    private long inviteCseq = 1;

    PhoneCall(SipTestPhone phone, String number) {
        this(phone, number, "13800138000", "Caller");
    }

    /** A call from {@code fromUser} (an agent dialling a feature code, say). */
    PhoneCall(SipTestPhone phone, String number, String fromUser, String fromDisplay) {
        this.phone = phone;
        this.number = number;
        this.fromUser = fromUser;
        this.fromDisplay = fromDisplay;
    }

    String requestUri() {
        return "sip:" + number + "@127.0.0.1:" + phone.serverPort();
    }

    static String sdp(String direction, int... pts) {
        StringBuilder formats = new StringBuilder();
        for (int pt : pts) {
            formats.append(' ').append(pt);
        }
        return "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 6000 RTP/AVP" + formats + "\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:18 G729/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=" + direction + "\r\n";
    }

    PhoneCall invite(String sdp) {
        inviteBranch = branch();
        inviteCseq = cseq;
        phone.send(request("INVITE", "sip:" + number + "@127.0.0.1:" + phone.serverPort(), inviteBranch,
                cseq + " INVITE", sdp == null ? null : "application/sdp", sdp, ""));
        return this;
    }

    /**
     * After a 401 (ACKed with {@link #ackFailure}): the INVITE again with a higher CSeq and an
     * Authorization header (RFC 3261 §22.2), outside any dialog.
     */
    PhoneCall retryInvite(String sdp, String authorization) {
        toTag = null;
        cseq++;
        inviteBranch = branch();
        inviteCseq = cseq;
        phone.send(request("INVITE", requestUri(), inviteBranch, cseq + " INVITE",
                sdp == null ? null : "application/sdp", sdp, "Authorization: " + authorization + "\r\n"));
        return this;
    }

    /** The final response to the latest INVITE (not a retransmitted answer to an earlier one). */
    SipMessage awaitInviteFinal() {
        long wanted = inviteCseq;
        return phone.await(m -> m.isResponse() && m.callId().equals(callId) && m.cseqMethod().equals("INVITE")
                && m.cseqNumber() == wanted && m.status() >= 200, "final response to INVITE " + wanted);
    }

    /** Waits for the 200 to the INVITE and remembers the dialog it creates. */
    SipMessage awaitOk() {
        return established(phone.awaitResponse(callId, "INVITE", 200));
    }

    SipMessage established(SipMessage ok) {
        toTag = ok.toTag().orElseThrow(() -> new AssertionError("200 without To tag"));
        remoteTarget = ok.contactUri().orElseThrow(() -> new AssertionError("200 without Contact"));
        return ok;
    }

    void ack(String sdp) {
        phone.send(request("ACK", remoteTarget, branch(), inviteCseq + " ACK",
                sdp == null ? null : "application/sdp", sdp, ""));
    }

    /** RFC 3261 §17.1.1.3: the ACK for a non-2xx final response reuses the INVITE's branch. */
    void ackFailure(SipMessage finalResponse) {
        toTag = finalResponse.toTag().orElse(null);
        phone.send(request("ACK", "sip:" + number + "@127.0.0.1:" + phone.serverPort(), inviteBranch,
                inviteCseq + " ACK", null, null, ""));
    }

    void bye() {
        cseq++;
        phone.send(request("BYE", remoteTarget, branch(), cseq + " BYE", null, null, ""));
    }

    /** RFC 3261 §9.1: same Request-URI, Call-ID, From, To and branch as the INVITE. */
    void cancel() {
        phone.send(request("CANCEL", "sip:" + number + "@127.0.0.1:" + phone.serverPort(), inviteBranch,
                inviteCseq + " CANCEL", null, null, "", false));
    }

    void info(String contentType, String body) {
        cseq++;
        phone.send(request("INFO", remoteTarget, branch(), cseq + " INFO", contentType, body, ""));
    }

    void reInvite(String sdp) {
        cseq++;
        inviteCseq = cseq;
        phone.send(request("INVITE", remoteTarget, branch(), cseq + " INVITE",
                sdp == null ? null : "application/sdp", sdp, ""));
    }

    /** The transferee's report on a REFER (RFC 3515 §2.4.5). */
    void notifySipfrag(String statusLine, boolean terminated) {
        cseq++;
        phone.send(request("NOTIFY", remoteTarget, branch(), cseq + " NOTIFY", "message/sipfrag",
                statusLine + "\r\n",
                "Event: refer\r\nSubscription-State: " + (terminated ? "terminated;reason=noresource" : "active")
                        + "\r\n"));
    }

    /** Answers a request the server sent in this dialog. */
    void respond(SipMessage request, int status, String reason) {
        StringBuilder sb = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
        request.headers("Via").forEach(v -> sb.append("Via: ").append(v).append("\r\n"));
        sb.append("From: ").append(request.header("From").orElseThrow()).append("\r\n");
        sb.append("To: ").append(request.header("To").orElseThrow()).append("\r\n");
        sb.append("Call-ID: ").append(request.callId()).append("\r\n");
        sb.append("CSeq: ").append(request.header("CSeq").orElseThrow()).append("\r\n");
        sb.append("Content-Length: 0\r\n\r\n");
        phone.send(sb.toString());
    }

    String request(String method, String uri, String branch, String cseqLine, String contentType, String body,
            String extraHeaders) {
        return request(method, uri, branch, cseqLine, contentType, body, extraHeaders, true);
    }

    private String request(String method, String uri, String branch, String cseqLine, String contentType,
            String body, String extraHeaders, boolean withToTag) {
        String payload = body == null ? "" : body;
        String to = "<sip:" + number + "@127.0.0.1:" + phone.serverPort() + ">"
                + (withToTag && toTag != null ? ";tag=" + toTag : "");
        String transportParam = phone.transport().equals("TCP") ? ";transport=tcp" : "";
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + phone.transport() + " 127.0.0.1:" + phone.localPort() + ";branch=" + branch
                + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"" + fromDisplay + "\" <sip:" + fromUser + "@127.0.0.1:" + phone.localPort() + ">;tag=" + fromTag
                + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseqLine + "\r\n"
                + "Contact: <sip:" + fromUser + "@127.0.0.1:" + phone.localPort() + transportParam + ">\r\n"
                + extraHeaders
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n"
                + "\r\n" + payload;
    }

    static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
