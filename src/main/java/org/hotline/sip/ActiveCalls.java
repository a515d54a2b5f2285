package org.hotline.sip;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The calls of one front by SIP Call-ID, from INVITE to their end. Thread-safe. */
final class ActiveCalls {

    private final ConcurrentHashMap<String, SipCall> byCallId = new ConcurrentHashMap<>();

    /** @return false if a call with this Call-ID is already active (a merged request, RFC 3261 §8.2.2.2) */
    boolean register(SipCall call) {
        return byCallId.putIfAbsent(call.info().callId(), call) == null;
    }

    boolean contains(String callId) {
        return byCallId.containsKey(callId);
    }

    void remove(SipCall call) {
        byCallId.remove(call.info().callId(), call);
    }

    Optional<SipCall> get(String callId) {
        return Optional.ofNullable(callId == null ? null : byCallId.get(callId));
    }

    List<SipCall> snapshot() {
        return List.copyOf(byCallId.values());
    }

    int size() {
        return byCallId.size();
    }
}
