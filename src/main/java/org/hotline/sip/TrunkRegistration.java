package org.hotline.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.config.TrunkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hotline's registration with the trunk (RFC 3261 §10.2), for providers that do not know it by
 * its IP address: REGISTER with the configured lifetime, digest credentials on a 401/407
 * ({@link DigestClient}), a refresh at 80% of the lifetime the registrar granted (§10.2.4: the
 * same Call-ID, the next CSeq), a retry after {@link #RETRY_FIRST} doubling up to
 * {@link #RETRY_MAX} while it fails, and a REGISTER with Expires 0 when the front stops.
 *
 * <p>Threading: requests go out on the front's timer thread or a stack thread (responses), never
 * blocking; the schedule and counters are guarded by {@code lock}.
 */
final class TrunkRegistration implements ClientRequestOwner {

    static final Duration RETRY_FIRST = Duration.ofSeconds(30);
    static final Duration RETRY_MAX = Duration.ofMinutes(5);
    private static final double REFRESH_AT = 0.8;
    private static final int MAX_CHALLENGES_IN_A_ROW = 2;

    private static final Logger log = LoggerFactory.getLogger(TrunkRegistration.class);

    private final SipCallContext ctx;
    private final TrunkConfig config;
    private final DigestClient digest;
    private final CallIdHeader callId;
    private final ReentrantLock lock = new ReentrantLock();
    private long cseq;
    private int challengesInARow;
    private Duration retry = RETRY_FIRST;
    private ScheduledFuture<?> next;
    private boolean stopped;
    private volatile boolean registered;

    TrunkRegistration(SipCallContext ctx, TrunkConfig config, DigestClient digest) {
        this.ctx = ctx;
        this.config = config;
        this.digest = digest;
        this.callId = ctx.messaging().provider.getNewCallId();
    }

    @Override
    public String callId() {
        return callId.getCallId();
    }

    /** Whether the registrar's last answer was a 2xx. */
    boolean registered() {
        return registered;
    }

    void start() {
        schedule(Duration.ZERO);
    }

    /** Stops refreshing and unregisters (best effort: the answer is not awaited). */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        } finally {
            lock.unlock();
        }
        if (registered) {
            registered = false;
            send(0);
        }
    }

    @Override
    public void onResponse(ClientTransaction ct, Response response) {
        int status = response.getStatusCode();
        if (status < 200 || isUnregister(ct)) {
            return;
        }
        if (status < 300) {
            Duration granted = granted(response);
            registered = true;
            log.atInfo().addKeyValue("proxy", config.proxy().host()).addKeyValue("granted", granted)
                    .log("registered with the trunk");
            resetFailures();
            schedule(Duration.ofMillis((long) (granted.toMillis() * REFRESH_AT)));
        } else if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && challengeAllowed()) {
            answer(ct.getRequest(), response);
        } else {
            failed("registrar answered " + status + " " + response.getReasonPhrase());
        }
    }

    @Override
    public void onClientTimeout(ClientTransaction ct) {
        if (!isUnregister(ct)) {
            failed("no answer from the registrar");
        }
    }

    private void answer(Request sent, Response challenge) {
        try {
            Request retryRequest = TrunkRequests.retry(ctx.messaging(), config, sent);
            if (!digest.authorize(retryRequest, challenge, ctx.messaging().headers)) {
                failed("challenge cannot be answered (no credentials or unknown algorithm)");
                return;
            }
            lock.lock();
            try {
                cseq = ((javax.sip.header.CSeqHeader) retryRequest.getHeader(javax.sip.header.CSeqHeader.NAME))
                        .getSeqNumber();
            } finally {
                lock.unlock();
            }
            transmit(retryRequest);
        } catch (ParseException | SipException | RuntimeException e) {
            failed("cannot answer the challenge: " + e.getMessage());
        }
    }

    private void send(int expiresSeconds) {
        long number;
        lock.lock();
        try {
            number = ++cseq;
        } finally {
            lock.unlock();
        }
        try {
            transmit(TrunkRequests.register(ctx.messaging(), config, callId, number, expiresSeconds));
        } catch (ParseException | SipException | RuntimeException e) {
            if (expiresSeconds > 0) {
                failed("cannot send REGISTER: " + e.getMessage());
            } else {
                log.atWarn().setCause(e).log("could not unregister from the trunk");
            }
        }
    }

    private void transmit(Request request) throws SipException {
        ClientTransaction ct = ctx.messaging().provider.getNewClientTransaction(request);
        ct.setApplicationData(this);
        SipMessaging.tune(ct, ctx.tuning());
        ct.sendRequest();
    }

    private void failed(String why) {
        registered = false;
        Duration wait;
        lock.lock();
        try {
            wait = retry;
            retry = retry.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retry.multipliedBy(2);
            challengesInARow = 0;
        } finally {
            lock.unlock();
        }
        log.atWarn().addKeyValue("proxy", config.proxy().host()).addKeyValue("retryIn", wait).addKeyValue("reason", why)
                .log("trunk registration failed; outbound calls may be refused until it succeeds");
        schedule(wait);
    }

    private boolean challengeAllowed() {
        lock.lock();
        try {
            return ++challengesInARow <= MAX_CHALLENGES_IN_A_ROW;
        } finally {
            lock.unlock();
        }
    }

    private void resetFailures() {
        lock.lock();
        try {
            retry = RETRY_FIRST;
            challengesInARow = 0;
        } finally {
            lock.unlock();
        }
    }

    private void schedule(Duration in) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            next = ctx.timers().schedule(this::refresh, in.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    /** On the timer thread: never lets an exception cancel the schedule. */
    private void refresh() {
        try {
            send((int) config.registration().expires().toSeconds());
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("trunk registration refresh failed");
        }
    }

    private static boolean isUnregister(ClientTransaction ct) {
        ExpiresHeader expires = (ExpiresHeader) ct.getRequest().getHeader(ExpiresHeader.NAME);
        return expires != null && expires.getExpires() == 0;
    }

    /** The lifetime granted: our Contact's expires parameter, else the Expires header, else what we asked. */
    private Duration granted(Response ok) {
        ListIterator<?> contacts = ok.getHeaders(ContactHeader.NAME);
        while (contacts != null && contacts.hasNext()) {
            if (contacts.next() instanceof ContactHeader contact && contact.getExpires() > 0) {
                return Duration.ofSeconds(contact.getExpires());
            }
        }
        ExpiresHeader expires = (ExpiresHeader) ok.getHeader(ExpiresHeader.NAME);
        return expires != null && expires.getExpires() > 0 ? Duration.ofSeconds(expires.getExpires())
                : config.registration().expires();
    }
}
