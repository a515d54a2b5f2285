package org.hotline.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * Stack and protocol timings of the SIP front that are not in the hotline's YAML: sensible server
 * defaults in {@link #DEFAULTS}; tests shorten the timers so the stack lets go of finished
 * transactions and dialogs quickly.
 *
 * @param t1                 RFC 3261 §17.1.1.1 T1 (round-trip estimate); Timer J and the 2xx
 *                           retransmission bound are 64*T1
 * @param t4                 RFC 3261 §17.1.2.2 T4 (how long a message stays in the network); Timer K
 * @param dialogLinger       how long the stack keeps a terminated dialog (gov.nist.javax.sip.LINGER_TIMER, whole seconds)
 * @param earlyDialogTimeout how long a dialog may stay early before the stack drops it
 *                           (gov.nist.javax.sip.EARLY_DIALOG_TIMEOUT_SECONDS, whole seconds); bounds
 *                           agent INVITEs nobody answers or cancels, and the RI's orphan early
 *                           dialogs ({@link AgentInvite#dropOrphanEarlyDialog}); the ACD's ring
 *                           timeout (rule R1) must stay well below it
 * @param transferTimeout    how long a blind transfer may take until its NOTIFY says 2xx
 * @param shutdownGrace      how long {@link SipFront#close()} waits for answers to its BYEs
 * @param maxMessageSizeBytes largest SIP message accepted over TCP (gov.nist.javax.sip.MAX_MESSAGE_SIZE)
 * @param maxTcpConnections  concurrent TCP connections the stack accepts (gov.nist.javax.sip.MAX_CONNECTIONS)
 */
public record SipTuning(
        Duration t1,
        Duration t4,
        Duration dialogLinger,
        Duration earlyDialogTimeout,
        Duration transferTimeout,
        Duration shutdownGrace,
        int maxMessageSizeBytes,
        int maxTcpConnections) {

    public static final Duration DEFAULT_T1 = Duration.ofMillis(500);
    public static final Duration DEFAULT_T4 = Duration.ofSeconds(5);
    public static final Duration DEFAULT_DIALOG_LINGER = Duration.ofSeconds(8);
    public static final Duration DEFAULT_EARLY_DIALOG_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_TRANSFER_TIMEOUT = Duration.ofSeconds(32);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_MESSAGE_SIZE_BYTES = 32 * 1024;
    public static final int DEFAULT_MAX_TCP_CONNECTIONS = 1000;

    public static final SipTuning DEFAULTS = new SipTuning(DEFAULT_T1, DEFAULT_T4, DEFAULT_DIALOG_LINGER,
            DEFAULT_EARLY_DIALOG_TIMEOUT, DEFAULT_TRANSFER_TIMEOUT, DEFAULT_SHUTDOWN_GRACE,
            DEFAULT_MAX_MESSAGE_SIZE_BYTES, DEFAULT_MAX_TCP_CONNECTIONS);

    public SipTuning {
        requirePositive("t1", t1);
        requirePositive("t4", t4);
        Objects.requireNonNull(dialogLinger, "dialogLinger");
        if (dialogLinger.isNegative()) {
            throw new IllegalArgumentException("dialogLinger must not be negative: " + dialogLinger);
        }
        requirePositive("earlyDialogTimeout", earlyDialogTimeout);
        if (earlyDialogTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("earlyDialogTimeout must be at least a second: " + earlyDialogTimeout);
        }
        requirePositive("transferTimeout", transferTimeout);
        requirePositive("shutdownGrace", shutdownGrace);
        if (maxMessageSizeBytes < 4096) {
            throw new IllegalArgumentException("maxMessageSizeBytes below 4096: " + maxMessageSizeBytes);
        }
        if (maxTcpConnections < 1) {
            throw new IllegalArgumentException("maxTcpConnections must be positive: " + maxTcpConnections);
        }
    }

    /** With the default early-dialog timeout (the shape before agent legs existed). */
    public SipTuning(Duration t1, Duration t4, Duration dialogLinger, Duration transferTimeout, Duration shutdownGrace,
            int maxMessageSizeBytes, int maxTcpConnections) {
        this(t1, t4, dialogLinger, DEFAULT_EARLY_DIALOG_TIMEOUT, transferTimeout, shutdownGrace, maxMessageSizeBytes,
                maxTcpConnections);
    }

    /** RFC 3261 §17.2.1: how long a 2xx is retransmitted while no ACK arrives (64*T1). */
    public Duration ackWait() {
        return t1.multipliedBy(64);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
