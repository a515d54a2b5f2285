package org.hotline.sip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.call.CallControl;
import org.hotline.call.IncomingCallHandler;

/**
 * The test's call flow: runs a script on each call's own virtual thread (as the real runner does)
 * and records how each script ended (normally, or with which exception).
 */
final class ScriptedCalls implements IncomingCallHandler {

    private volatile Consumer<CallControl> script = CallControl::answer;
    final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    final List<String> finished = new CopyOnWriteArrayList<>();
    final Map<String, CallControl> calls = new ConcurrentHashMap<>();

    void script(Consumer<CallControl> script) {
        this.script = script;
    }

    @Override
    public void onIncomingCall(CallControl call) {
        String id = call.info().callId();
        calls.put(id, call);
        Consumer<CallControl> s = script;
        Thread.ofVirtual().name("call-" + id).start(() -> {
            try {
                s.accept(call);
            } catch (Throwable t) {
                failures.put(id, t);
            } finally {
                finished.add(id);
            }
        });
    }

    void awaitFinished(String callId) {
        RecordingEvents.waitUntil(() -> finished.contains(callId), SipTestPhone.WAIT, "script of " + callId);
    }
}
