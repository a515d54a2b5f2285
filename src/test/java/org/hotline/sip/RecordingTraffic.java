package org.hotline.sip;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the front counted, as lines like {@code "in INVITE"} or {@code "out 180 INVITE"}. Any thread. */
final class RecordingTraffic implements SipTrafficListener {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void requestReceived(String method) {
        lines.add("in " + method);
    }

    @Override
    public void requestSent(String method) {
        lines.add("out " + method);
    }

    @Override
    public void responseReceived(String method, int statusCode) {
        lines.add("in " + statusCode + " " + method);
    }

    @Override
    public void responseSent(String method, int statusCode) {
        lines.add("out " + statusCode + " " + method);
    }
}
