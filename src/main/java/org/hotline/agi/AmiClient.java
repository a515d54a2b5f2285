package org.hotline.agi;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PJSipShowEndpointsAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.EndpointList;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.PeerStatusEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.hotline.config.AgiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hotline's Asterisk Manager Interface connection (asterisk-java's {@link ManagerConnection}):
 * logs in (retrying until Asterisk is up), learns agents' device states and registrations, holds
 * and Originate outcomes from events, and sends Originate, Hangup and ControlPlayback. Once logged
 * in, asterisk-java reconnects on its own after a lost connection and fires {@link ConnectEvent}
 * again; every ConnectEvent triggers a full re-read of the agents' endpoints
 * ({@code PJSIPShowEndpoints}), and a {@link DisconnectEvent} makes every agent unreachable until
 * then, so no stale agent is offered and no missed event leaves a wrong state behind.
 *
 * <p>Threading: asterisk-java delivers events on its own event thread, in order; the handlers only
 * update {@link AgentPresence} and {@link AgentOffers}, which never block. Logging in and re-reading
 * block, so they run on this client's one worker thread ({@code hotline-ami}). Sending an action
 * writes to the socket from the caller's thread and never waits for Asterisk.
 */
final class AmiClient implements AsteriskManager, ManagerEventListener, AutoCloseable {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);
    static final Duration REREAD_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(AmiClient.class);
    private static final Logger agents = LoggerFactory.getLogger("org.hotline.agents");

    private final ManagerConnection connection;
    private final AgentPresence presence;
    private final AgentOffers offers;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hotline-ami");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    AmiClient(AgiConfig.AmiConfig config, AgentPresence presence, AgentOffers offers) {
        this(new ManagerConnectionFactory(config.host(), config.port(), config.username(), config.secret())
                .createManagerConnection(), presence, offers);
    }

    AmiClient(ManagerConnection connection, AgentPresence presence, AgentOffers offers) {
        this.connection = connection;
        this.presence = presence;
        this.offers = offers;
        connection.addEventListener(this);
    }

    /** Starts logging in on the worker thread; returns at once. */
    void start() {
        worker.execute(() -> login(FIRST_RETRY));
    }

    private void login(Duration nextRetry) {
        if (closed) {
            return;
        }
        try {
            connection.login();
            log.atInfo().addKeyValue("host", connection.getHostname()).addKeyValue("port", connection.getPort())
                    .log("AMI logged in");
        } catch (IOException | AuthenticationFailedException | TimeoutException | IllegalStateException e) {
            log.atWarn().addKeyValue("host", connection.getHostname()).addKeyValue("retryInMs", nextRetry.toMillis())
                    .log("AMI login failed ({}); agents stay unreachable until it succeeds", e.toString());
            Duration after = nextRetry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextRetry.multipliedBy(2);
            schedule(() -> login(after), nextRetry);
        }
    }

    // --- events, on asterisk-java's event thread ---

    @Override
    public void onManagerEvent(ManagerEvent event) {
        switch (event) {
            case ConnectEvent connect -> worker.execute(this::reread);
            case DisconnectEvent disconnect -> {
                log.warn("AMI connection lost; asterisk-java reconnects, agents unreachable until the re-read");
                presence.disconnected();
            }
            case DeviceStateChangeEvent device -> presence.deviceState(device.getDevice(), device.getState());
            case HoldEvent hold -> offers.onHold(hold.getUniqueId(), hold.getChannel(), true);
            case UnholdEvent unhold -> offers.onHold(unhold.getUniqueId(), unhold.getChannel(), false);
            case OriginateResponseEvent response -> {
                if (!"Success".equalsIgnoreCase(response.getResponse())) {
                    offers.onOriginateFailed(response.getActionId(), "originate failed, reason " + response.getReason());
                }
            }
            case ContactStatusEvent contact -> agents.atInfo()
                    .addKeyValue("endpoint", contact.getEndpointName()).addKeyValue("contact", contact.getUri())
                    .addKeyValue("status", contact.getContactStatus()).log("agent registration (Asterisk)");
            case PeerStatusEvent peer -> agents.atInfo()
                    .addKeyValue("peer", peer.getPeer()).addKeyValue("status", peer.getPeerStatus())
                    .log("agent peer status (Asterisk)");
            default -> {
            }
        }
    }

    /** After every login: the agents' endpoints and device states, as they are now. */
    private void reread() {
        long mark = presence.mark();
        try {
            ResponseEvents events = connection.sendEventGeneratingAction(new PJSipShowEndpointsAction(),
                    REREAD_TIMEOUT.toMillis());
            Map<String, String> states = new LinkedHashMap<>();
            events.getEvents().stream().filter(EndpointList.class::isInstance).map(EndpointList.class::cast)
                    .forEach(endpoint -> states.put(endpoint.getObjectName(),
                            endpoint.getDevicestate() == null ? "UNKNOWN" : endpoint.getDevicestate()));
            presence.reconcile(states, mark);
            log.atInfo().addKeyValue("endpoints", states.size()).log("AMI re-read the agents' endpoints");
        } catch (IOException | EventTimeoutException | IllegalStateException e) {
            log.atWarn().log("AMI re-read failed ({}); retrying", e.toString());
            if (connection.getState() == ManagerConnectionState.CONNECTED) {
                schedule(this::reread, FIRST_RETRY);
            }
        }
    }

    // --- actions ---

    @Override
    public void originate(Origination origination) {
        OriginateAction action = new OriginateAction();
        action.setActionId(origination.channelId());
        action.setChannelId(origination.channelId());
        action.setChannel(origination.dialString());
        action.setContext(origination.context());
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(origination.timeout().toMillis());
        action.setCallerId(origination.callerIdNumber());
        action.setVariables(origination.variables());
        action.setAsync(true);
        try {
            connection.sendAction(action, response -> {
                if (response instanceof ManagerError error) {
                    offers.onOriginateFailed(origination.channelId(), "originate refused: " + error.getMessage());
                }
            });
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new AsteriskUnavailableException("cannot send Originate for " + origination.dialString(), e);
        }
    }

    @Override
    public void hangup(String channel) {
        sendQuietly(new HangupAction(channel), channel);
    }

    @Override
    public void stopPlayback(String channel) {
        sendQuietly(new ControlPlaybackAction(channel, "stop"), channel);
    }

    private void sendQuietly(ManagerAction action, String channel) {
        try {
            connection.sendAction(action, response -> {
                if (response instanceof ManagerError error) {
                    log.atDebug().addKeyValue("channel", channel).log("AMI {} refused: {}", action.getAction(), error.getMessage());
                }
            });
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            log.atWarn().addKeyValue("channel", channel).log("AMI {} not sent ({})", action.getAction(), e.toString());
        }
    }

    boolean isConnected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("AMI worker stopped; not rescheduling");
        }
    }

    /** Logs off (no reconnect) and stops the worker. */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            try {
                connection.logoff();
            } catch (IllegalStateException e) {
                log.debug("AMI logoff raced with a disconnect", e);
            }
        }
    }
}
