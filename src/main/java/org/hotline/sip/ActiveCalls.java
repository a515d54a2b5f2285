package org.hotline.sip;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dialogs of one front by SIP Call-ID: callers' calls from INVITE to their end, agent legs (our
 * INVITEs to agents' phones) and calls placed through the trunk (issue 8), each from the INVITE to
 * its end. Thread-safe.
 */
final class ActiveCalls {

    private final ConcurrentHashMap<String, SipCall> byCallId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AgentCall> agentLegs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TrunkCall> outbound = new ConcurrentHashMap<>();

    /** @return false if a call with this Call-ID is already active (a merged request, RFC 3261 §8.2.2.2) */
    boolean register(SipCall call) {
        return byCallId.putIfAbsent(call.info().callId(), call) == null;
    }

    /** @return false if the Call-ID is already in use */
    boolean register(AgentCall leg) {
        return !byCallId.containsKey(leg.callId()) && agentLegs.putIfAbsent(leg.callId(), leg) == null;
    }

    /** A call we place through the trunk, by its SIP Call-ID. @return false if the Call-ID is already in use */
    boolean register(TrunkCall call) {
        return !contains(call.callId()) && outbound.putIfAbsent(call.callId(), call) == null;
    }

    boolean contains(String callId) {
        return byCallId.containsKey(callId) || agentLegs.containsKey(callId) || outbound.containsKey(callId);
    }

    void remove(TrunkCall call) {
        outbound.remove(call.callId(), call);
    }

    /** Calls placed through the trunk between INVITE and their end. */
    int outbound() {
        return outbound.size();
    }

    void remove(SipCall call) {
        byCallId.remove(call.info().callId(), call);
    }

    void remove(AgentCall leg) {
        agentLegs.remove(leg.callId(), leg);
    }

    Optional<SipCall> get(String callId) {
        return Optional.ofNullable(callId == null ? null : byCallId.get(callId));
    }

    /** The caller's call or agent leg with this Call-ID. */
    Optional<DialogEndpoint> endpoint(String callId) {
        if (callId == null) {
            return Optional.empty();
        }
        DialogEndpoint call = byCallId.get(callId);
        if (call == null) {
            call = agentLegs.get(callId);
        }
        return Optional.ofNullable(call != null ? call : outbound.get(callId));
    }

    List<TrunkCall> outboundSnapshot() {
        return List.copyOf(outbound.values());
    }

    List<SipCall> snapshot() {
        return List.copyOf(byCallId.values());
    }

    int size() {
        return byCallId.size();
    }

    int agentLegs() {
        return agentLegs.size();
    }
}
