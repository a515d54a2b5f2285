/**
 * System tests with real peers on 127.0.0.1: SIPp (sip-tester), baresip, dumpcap (tshark), sox and
 * espeak-ng, as .ci/run installs them on Debian 12. Classes ending in {@code SystemTest} run in
 * {@code mvn verify} (failsafe); the {@code Test} classes here are plain unit tests of the harness.
 * SIPp's pcap playback and dumpcap need raw-socket and capture rights (root in CI).
 *
 * <p>The harness:
 * <ul>
 *   <li>{@link org.hotline.system.Sipp} runs one scenario of {@code src/test/resources/system/sipp/}
 *       for one call and returns a {@link org.hotline.system.SippResult} (exit code, call counters,
 *       timestamped SIP messages). Scenarios: {@code uac-greeting.xml} (rule R1, DTMF 1),
 *       {@code uac-silent.xml} (rule R5), and the stand-in answerers {@code uas-answer.xml} and
 *       {@code uas-play-then-bye.xml}.</li>
 *   <li>{@link org.hotline.system.Baresip} is a caller, an answering peer, or an agent's softphone
 *       (digest REGISTER, auto or manual answer, hold/resume, feature codes) driven over ctrl_tcp
 *       that records what it hears. Its own SIPp stand-ins: {@code uas-registrar.xml} (401, then the
 *       digest checked with verifyauth), {@code uac-call-agent.xml} (a call to the registered contact
 *       with hold and resume), {@code uac-ring-then-cancel.xml}, {@code uas-feature-code.xml}.</li>
 *   <li>{@link org.hotline.system.RtpCapture} records a SIPp media port, since SIPp cannot record.</li>
 *   <li>{@link org.hotline.system.AudioMatch} finds prompt WAVs in recordings by normalised
 *       cross-correlation, {@link org.hotline.system.AudioSequence} prompts heard back to back (a work
 *       number digit by digit), {@link org.hotline.system.AgentTones} the tones each side of a bridged
 *       call plays; {@link org.hotline.system.SilentLineTimeline} turns a recording and the
 *       hang-up instant into rule R5's three pauses.</li>
 * </ul>
 *
 * <p>The ACD's system tests (issue 3: AgentConnect, QueueAnnouncement, AgentHold, NoAnswer,
 * AgentBadInput) run on {@link org.hotline.system.AcdUnderTest}, which adds the HTTP API
 * ({@link org.hotline.system.HotlineApi}) and the agents' and callers' softphones to the in-process
 * server. Every run leaves its files (configs, traces, captures, recordings) under
 * {@code target/system-runs/}.
 */
package org.hotline.system;
