package org.hotline.agi;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.hotline.config.AgiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each agent's phone can be rung, as Asterisk knows it: an agent registers with Asterisk
 * (pjsip.conf), whose device state for {@code PJSIP/<workNumber>} is UNAVAILABLE while no contact
 * is reachable. Device-state changes (AMI {@code DeviceStateChange}) update it as they come; after
 * every (re)connection a full re-read ({@code PJSIPShowEndpoints}) replaces what may have been
 * missed while disconnected, except for agents an event updated after the re-read began (so a
 * slow re-read cannot undo a newer event), and agents the re-read does not list are unreachable
 * (no stale agents). While the manager connection is down every agent is unreachable: Hotline
 * could not ring them. Changes go to the ACD ({@code AcdDriver.agentReachable}), which keeps the
 * agents' status and state machines; Asterisk's view never overrides an agent's declared status.
 *
 * <p>Threading: the AMI event thread and the AMI worker call it; state is guarded by {@code lock};
 * the ACD is told outside it (it only posts to the {@code acd} thread).
 */
final class AgentPresence {

    private static final Logger log = LoggerFactory.getLogger("org.hotline.agents");
    /** Device states (devicestate.h, with spaces and underscores removed) in which the phone cannot ring. */
    private static final Set<String> UNREACHABLE = Set.of("UNAVAILABLE", "INVALID", "UNKNOWN");

    private final Map<String, String> workNumberByDevice = new HashMap<>();
    private final Map<String, Known> known = new LinkedHashMap<>();
    private final BiConsumer<String, Boolean> reachability;
    private final ReentrantLock lock = new ReentrantLock();
    private long stamp;

    private record Known(boolean reachable, long stamp) {}

    /** A change of reachability to pass on to the ACD. */
    private record Change(String workNumber, boolean reachable, String why) {}

    AgentPresence(Collection<String> workNumbers, String dialString, BiConsumer<String, Boolean> reachability) {
        this.reachability = reachability;
        for (String workNumber : workNumbers) {
            workNumberByDevice.put(normalizedDevice(dialString.replace(AgiConfig.WORK_NUMBER, workNumber)), workNumber);
            known.put(workNumber, new Known(false, 0));
        }
    }

    /** At start nobody is known to be registered: every agent unreachable until Asterisk says otherwise. */
    void startUnreachable() {
        known.keySet().forEach(workNumber -> reachability.accept(workNumber, false));
    }

    /** AMI {@code DeviceStateChange}: {@code Device: PJSIP/1001}, {@code State: NOT_INUSE}. */
    void deviceState(String device, String state) {
        Optional.ofNullable(workNumberByDevice.get(normalizedDevice(device)))
                .map(workNumber -> update(workNumber, canRing(state), "device state " + state, Long.MAX_VALUE))
                .ifPresent(this::tell);
    }

    /** The stamp to give {@link #reconcile} for a re-read starting now. */
    long mark() {
        lock.lock();
        try {
            return stamp;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A full re-read ({@code EndpointList} events of {@code PJSIPShowEndpoints}): endpoint name to
     * its {@code DeviceState}. Agents not listed are unreachable; agents updated after {@code mark}
     * keep the newer news.
     */
    void reconcile(Map<String, String> deviceStateByEndpoint, long mark) {
        Map<String, String> byWorkNumber = new HashMap<>();
        deviceStateByEndpoint.forEach((endpoint, state) ->
                Optional.ofNullable(workNumberByDevice.get(normalizedDevice("PJSIP/" + endpoint)))
                        .ifPresent(workNumber -> byWorkNumber.put(workNumber, state)));
        for (String workNumber : known.keySet()) {
            String state = byWorkNumber.get(workNumber);
            boolean reachable = state != null && canRing(state);
            String why = state == null ? "not listed after reconnect" : "re-read after reconnect: " + state;
            Optional.ofNullable(update(workNumber, reachable, why, mark)).ifPresent(this::tell);
        }
    }

    /** The manager connection is down: no agent can be rung until it is back and re-read. */
    void disconnected() {
        for (String workNumber : known.keySet()) {
            Optional.ofNullable(update(workNumber, false, "manager connection lost", Long.MAX_VALUE)).ifPresent(this::tell);
        }
    }

    /** Applies news newer than {@code notAfter}'s snapshot; the change to pass on, or null. */
    private Change update(String workNumber, boolean reachable, String why, long notAfter) {
        lock.lock();
        try {
            Known before = known.get(workNumber);
            if (before.stamp() > notAfter) {
                return null;
            }
            known.put(workNumber, new Known(reachable, ++stamp));
            return before.reachable() == reachable ? null : new Change(workNumber, reachable, why);
        } finally {
            lock.unlock();
        }
    }

    private void tell(Change change) {
        log.atInfo().addKeyValue("agent", change.workNumber()).addKeyValue("reachable", change.reachable())
                .addKeyValue("why", change.why()).log("agent reachability from Asterisk");
        reachability.accept(change.workNumber(), change.reachable());
    }

    boolean isReachable(String workNumber) {
        lock.lock();
        try {
            Known state = known.get(workNumber);
            return state != null && state.reachable();
        } finally {
            lock.unlock();
        }
    }

    static boolean canRing(String deviceState) {
        return !UNREACHABLE.contains(deviceState.replace(" ", "").replace("_", "").toUpperCase(Locale.ROOT));
    }

    private static String normalizedDevice(String device) {
        return device.strip().toUpperCase(Locale.ROOT);
    }
}
