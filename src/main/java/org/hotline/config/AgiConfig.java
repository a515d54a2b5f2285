package org.hotline.config;

import java.util.Map;

/**
 * The FastAGI front (issue 6): Hotline behind an Asterisk that hands each hotline call to
 * {@code AGI(agi://hotline:4573/hotline)}. Defaults are in {@link ConfigDefaults}; every key is in
 * {@code docs/configuration.md}.
 *
 * @param enabled            start the FastAGI server and the AMI connection; default false (the
 *                           standalone SIP front is the default deployment)
 * @param bindAddress        address the FastAGI server binds to; default {@code 127.0.0.1}
 * @param port               FastAGI port, 0-65535 (0 picks a free one); default 4573 (res_agi's default)
 * @param eventLoopThreads   Netty I/O threads of the FastAGI server, 0 for Netty's default; default 0
 * @param promptsDirectory   the same {@code prompts/} tree as Asterisk sees it, absolute; prompts are
 *                           played as {@code <promptsDirectory>/<language or common>/<name>} (no
 *                           extension: Asterisk picks the file); default {@code /var/lib/hotline/prompts}
 * @param musicClasses       musiconhold.conf class for each music prompt a queue plays (queues'
 *                           {@code musicOnHold}); default {@code {music.hold: hotline}}
 * @param holdMusicClass     musiconhold.conf class a caller hears while the agent holds them: the music
 *                           with rule R7's hold phrase built in; default {@code hotline-hold}
 * @param agentDialString    the channel an agent's phone is rung on, with {@code {workNumber}};
 *                           default {@code PJSIP/{workNumber}}
 * @param agentContext       the dialplan context an answered agent channel enters (it runs
 *                           {@code AGI(agi://.../agent)}); default {@code hotline-agent}
 * @param transferDialString the Dial string of an after-hours transfer (rule R19), with {@code {uri}};
 *                           default {@code PJSIP/trunk/{uri}}
 * @param recordingDirectory where Asterisk's MixMonitor writes the recordings (rule R14), absolute, as
 *                           Asterisk sees it; empty: calls are not recorded; default
 *                           {@code /var/spool/asterisk/monitor/hotline}
 * @param ami                the Asterisk Manager Interface connection
 * @param outboundDial       the Dial string of a number Hotline dials out through Asterisk's trunk, with
 *                           {@code {number}}: an after-hours forward to a {@code tel:} on-call number
 *                           (rule R19); default {@code PJSIP/{number}@trunk} (config/asterisk/pjsip.conf)
 * @param messageDirectory   where Asterisk's {@code RECORD FILE} writes callers' messages (rules R9, R19,
 *                           R20), absolute, as Asterisk sees it and as Hotline reads it (a shared volume);
 *                           default {@code /var/spool/asterisk/hotline-messages}
 */
public record AgiConfig(
        boolean enabled,
        String bindAddress,
        int port,
        int eventLoopThreads,
        String promptsDirectory,
        Map<String, String> musicClasses,
        String holdMusicClass,
        String agentDialString,
        String agentContext,
        String transferDialString,
        String recordingDirectory,
        AmiConfig ami,
        String outboundDial,
        String messageDirectory) {

    public static final String WORK_NUMBER = "{workNumber}";
    public static final String URI = "{uri}";
    public static final String NUMBER = "{number}";

    public AgiConfig {
        musicClasses = musicClasses == null ? null : Map.copyOf(musicClasses);
    }

    /** Whether calls are recorded (rule R14). */
    public boolean recording() {
        return recordingDirectory != null && !recordingDirectory.isBlank();
    }

    /**
     * The Asterisk Manager Interface (manager.conf): how Hotline learns agents' registrations, device
     * states and holds, and rings agents (Originate).
     *
     * @param host     Asterisk's address; default {@code 127.0.0.1}
     * @param port     AMI port, 1-65535; default 5038
     * @param username the manager.conf user; default {@code hotline}
     * @param secret   its secret; no default: required when {@code agi.enabled}
     */
    public record AmiConfig(String host, int port, String username, String secret) {

        @Override
        public String toString() {
            return "AmiConfig[host=" + host + ", port=" + port + ", username=" + username + ", secret=***]";
        }
    }
}
