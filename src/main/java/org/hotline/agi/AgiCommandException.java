package org.hotline.agi;

import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * Asterisk refused or failed an AGI command while the channel is still up: 510 (unknown command),
 * 520 (bad syntax, with its usage), or {@code result=-1} for a reason other than a hang-up (e.g. a
 * prompt file Asterisk cannot open). The call flow treats it like any failure: apologise and close
 * (rule R20).
 */
public final class AgiCommandException extends RuntimeException {

    public AgiCommandException(String callId, String command, AgiReply reply) {
        super("AGI command failed on " + callId + ": " + command + " -> " + reply.getFirstLine()
                + (reply.getUsage() == null || reply.getUsage().isEmpty() ? "" : " (usage: " + reply.getUsage() + ")"));
    }
}
