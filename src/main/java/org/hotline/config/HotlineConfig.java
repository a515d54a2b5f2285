package org.hotline.config;

import java.util.List;

/**
 * The whole configuration, immutable, validated by {@link ConfigLoader} before anything starts.
 * Mirrors {@code config/hotline.yaml}; each section's record documents its keys and defaults.
 */
public record HotlineConfig(
        ServiceConfig service,
        SipConfig sip,
        RtpConfig rtp,
        HttpConfig http,
        PromptsConfig prompts,
        IvrConfig ivr,
        HoursConfig hours,
        HolidaysConfig holidays,
        List<QueueConfig> queues,
        AgentsConfig agents,
        AgiConfig agi,
        RecordingConfig recording,
        StoreConfig store,
        QaConfig qa,
        MetricsConfig metrics,
        TrunkConfig trunk,
        CallbackConfig callback,
        MessagesConfig messages,
        OverloadConfig overload) {
}
