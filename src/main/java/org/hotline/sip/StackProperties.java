package org.hotline.sip;

import java.util.Properties;
import org.hotline.config.SipConfig;

/**
 * The JAIN-SIP RI properties for a UAS server, in one place. Follows the RI's advice for servers
 * (gov.nist.javax.sip.SipStackImpl Javadoc): a re-entrant listener served by a thread pool, the NIO
 * TCP processor instead of a thread per connection, bounded message size and connection count.
 */
final class StackProperties {

    private StackProperties() {
    }

    static Properties forServer(String stackName, SipConfig sip, SipTuning tuning) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        // The stack creates a dialog for every INVITE it hands us and matches ACK, BYE, INFO to it.
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(sip.stackThreads()));
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", Integer.toString(sip.stackThreads()));
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                "gov.nist.javax.sip.stack.NioMessageProcessorFactory");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(tuning.maxMessageSizeBytes()));
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(tuning.maxTcpConnections()));
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(1 << 20));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(1 << 20));
        p.setProperty("gov.nist.javax.sip.LINGER_TIMER", Long.toString(tuning.dialogLinger().toSeconds()));
        p.setProperty("gov.nist.javax.sip.EARLY_DIALOG_TIMEOUT_SECONDS",
                Long.toString(tuning.earlyDialogTimeout().toSeconds()));
        // A BYE is sent by the stack if our 2xx is never ACKed (RFC 3261 §13.3.1.4).
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "true");
        // A NOTIFY for our REFER arrives inside the INVITE dialog (RFC 3515 §2.4.4).
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        return p;
    }
}
