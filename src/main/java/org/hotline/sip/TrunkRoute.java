package org.hotline.sip;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import org.hotline.call.CallControl;
import org.hotline.call.CallInfo;
import org.hotline.call.OutboundCall;
import org.hotline.call.OutboundRoute;
import org.hotline.call.TransferOutcome;
import org.hotline.config.TrunkConfig;
import org.hotline.media.MediaSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured SIP trunk as the rest of Hotline sees it ({@link OutboundRoute}): prepares
 * {@link TrunkCall}s on the front's stack once the front runs. Created with the front, bound to
 * its stack when it starts ({@link #bind}); until then, or without {@code trunk.enabled}, nothing
 * can be dialled. Thread-safe: the context is published once through a volatile field.
 */
public final class TrunkRoute implements OutboundRoute {

    private static final int CNONCE_BYTES = 16;
    private static final Logger log = LoggerFactory.getLogger(TrunkRoute.class);

    private final TrunkConfig config;
    private final DigestClient digest;
    private volatile SipCallContext ctx;

    /** The route of {@code trunk:}; it dials once a front is started with it ({@link SipFront.Continuity}). */
    public static TrunkRoute of(TrunkConfig config) {
        return new TrunkRoute(config);
    }

    private TrunkRoute(TrunkConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        SecureRandom random = new SecureRandom();
        this.digest = new DigestClient(config.auth(), () -> {
            byte[] bytes = new byte[CNONCE_BYTES];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }

    void bind(SipCallContext context) {
        this.ctx = context;
    }

    @Override
    public boolean available() {
        return config.enabled() && ctx != null;
    }

    /**
     * @throws IllegalStateException without a trunk or before the front runs
     * @throws org.hotline.media.PortsExhaustedException when no RTP port pair is free
     */
    @Override
    public OutboundCall prepare(String callId, String number) {
        return prepare(callId, number, null);
    }

    /** @param near the media the trunk leg is bridged with, if known: its session opens beside it */
    private OutboundCall prepare(String callId, String number, MediaSession near) {
        SipCallContext context = ctx;
        if (!config.enabled() || context == null) {
            throw new IllegalStateException("no trunk to dial " + callId + " through (trunk.enabled: "
                    + config.enabled() + ", front running: " + (context != null) + ")");
        }
        MediaSession session = near == null ? context.mediaEngine().open(callId + "/trunk")
                : context.mediaEngine().open(callId + "/trunk", near);
        CallInfo info = new CallInfo(callId, number, number, CallInfo.Front.SIP, context.clock().instant());
        return new TrunkCall(context, this, info, session);
    }

    /** Rule R19: the caller (a {@link SipCall}) bridged with {@code number} through the trunk ({@link TrunkBridge}). */
    @Override
    public TransferOutcome bridge(CallControl caller, String number) {
        if (!(caller instanceof SipCall sip) || !available()) {
            log.atWarn().addKeyValue("callId", caller.info().callId()).log("cannot bridge this call through the trunk");
            return TransferOutcome.FAILED;
        }
        return TrunkBridge.run(sip, (TrunkCall) prepare(sip.callId() + "/forward", number, sip.mediaSession()));
    }

    TrunkConfig config() {
        return config;
    }

    DigestClient digest() {
        return digest;
    }
}
