package org.hotline.sip.registrar;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records registration events as "reachable 1001 [n contacts]" / "unreachable 1001". */
final class RecordingListener implements RegistrationListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void agentReachable(String aor, List<ContactBinding> contacts) {
        events.add("reachable " + aor + " " + contacts.size());
    }

    @Override
    public void agentUnreachable(String aor) {
        events.add("unreachable " + aor);
    }
}
