package org.hotline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.call.CallFlow;
import org.hotline.call.CallFlowRunner;
import org.hotline.call.PromptNames;
import org.hotline.call.UnstaffedQueueGateway;
import org.hotline.config.ConfigException;
import org.hotline.config.HotlineConfig;
import org.hotline.config.SipConfig;
import org.hotline.event.CallEventListener;
import org.hotline.event.CompositeCallEventListener;
import org.hotline.event.LoggingCallEventListener;
import org.hotline.media.rtp.RtpEngine;
import org.hotline.prompt.PromptLibrary;
import org.hotline.sip.SipFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds every part from the validated configuration,
 * wires them by hand, starts them in order (prompts, media, call flow, SIP last so no call arrives
 * before the rest is ready) and stops them in reverse. Start and close are called from one thread
 * (main, the shutdown hook, or a test); the count methods from any thread.
 */
public final class Hotline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hotline.class);

    private final RtpEngine media;
    private final CallFlowRunner flows;
    private final SipFront sip;

    private Hotline(RtpEngine media, CallFlowRunner flows, SipFront sip) {
        this.media = media;
        this.flows = flows;
        this.sip = sip;
    }

    /** Starts a server on the configuration; the log listener always gets the call events. */
    public static Hotline start(HotlineConfig config, Clock clock) {
        return start(config, clock, CallEventListener.NONE);
    }

    /**
     * @param extraListener another call-event listener (tests observe calls through it)
     * @throws ConfigException  if a prompt the configuration plays is missing
     * @throws org.hotline.prompt.PromptException if a prompt file is unusable
     */
    public static Hotline start(HotlineConfig config, Clock clock, CallEventListener extraListener) {
        Objects.requireNonNull(config, "config");
        PromptLibrary prompts = PromptLibrary.load(config.prompts().directory(), config.service().languages());
        requirePrompts(config, prompts);
        CallEventListener events = new CompositeCallEventListener(List.of(new LoggingCallEventListener(), extraListener));
        SipConfig sipConfig = AdvertisedAddress.resolve(config.sip());

        RtpEngine media = new RtpEngine(config.rtp());
        CallFlowRunner flows = new CallFlowRunner(new CallFlow(config, events, clock));
        SipFront sip = new SipFront(new SipFront.Wiring(sipConfig, config.service(), media, prompts,
                new UnstaffedQueueGateway(), flows, events, clock));
        try {
            sip.start();
        } catch (RuntimeException e) {
            flows.close();
            media.close();
            throw e;
        }
        log.atInfo().addKeyValue("sipPort", sip.port()).addKeyValue("advertised", sipConfig.advertisedAddress())
                .addKeyValue("numbers", config.service().numbers()).log("Hotline is answering");
        return new Hotline(media, flows, sip);
    }

    /** Every prompt the call flow can play must exist in every language offered, checked before any call. */
    private static void requirePrompts(HotlineConfig config, PromptLibrary prompts) {
        List<String> missing = new ArrayList<>();
        for (String language : config.service().languages()) {
            for (String name : PromptNames.playedWith(config.ivr())) {
                if (!prompts.has(name, language)) {
                    missing.add(language + "/" + name + ".wav");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(config.prompts().directory().toString(), "prompts.directory",
                    "missing prompt files the menu and call flow play: " + String.join(", ", missing));
        }
    }

    public int sipPort() {
        return sip.port();
    }

    public int activeCalls() {
        return sip.activeCalls();
    }

    public int liveCallFlows() {
        return flows.liveFlows();
    }

    public int mediaSessionsInUse() {
        return media.sessionsInUse();
    }

    public int stackDialogs() {
        return sip.stackDialogs();
    }

    public int stackTransactions() {
        return sip.stackServerTransactions() + sip.stackClientTransactions();
    }

    /** Stops SIP first (active calls get a BYE), then the call flows, then media. */
    @Override
    public void close() {
        try {
            sip.close();
        } finally {
            try {
                flows.close();
            } finally {
                media.close();
            }
        }
        log.info("Hotline stopped");
    }
}
