package org.hotline.message;

import java.time.Instant;
import org.hotline.call.MessageTaking;

/** Puts a message in a box from tests outside the package (the box's writer is the taker's). */
public final class MessageBoxAccess {

    private MessageBoxAccess() {
    }

    public static void put(MessageBox box, String id, Instant at) {
        box.put(Message.recording(id, "call-" + id, "13800138000", at, MessageTaking.Reason.NOT_SERVED, "general"));
    }
}
