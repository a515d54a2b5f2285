package org.hotline.sip;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * One side of an INVITE dialog the front takes part in: a caller's {@link SipCall} (we are the
 * UAS) or an agent's {@link AgentCall} (we are the UAC of the B2BUA's second leg). The dispatcher
 * finds it by Call-ID and hands it the dialog's requests, and the responses and timeouts of the
 * requests it sent. Every method runs on a SIP stack thread and must not block.
 */
interface DialogEndpoint extends ClientRequestOwner {

    /** The dialog's Call-ID, for routing and logs. */
    @Override
    String callId();

    void onAck(Request ack);

    void onBye(ServerTransaction tx);

    void onCancel(ServerTransaction tx);

    void onReInvite(ServerTransaction tx, Request reInvite);

    void onInfo(ServerTransaction tx, Request info);

    void onNotify(ServerTransaction tx, Request notify);

    void onRefer(ServerTransaction tx, Request refer);

    /** The stack dropped the dialog. */
    void onDialogTerminated();

    /** An SDP answer the dialog depends on is unusable: end the dialog. */
    void onMediaFailure();
}
