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
 *   <li>{@link org.hotline.system.Baresip} is a caller (or answering peer) driven over ctrl_tcp that
 *       records what it hears.</li>
 *   <li>{@link org.hotline.system.RtpCapture} records a SIPp media port, since SIPp cannot record.</li>
 *   <li>{@link org.hotline.system.AudioMatch} finds prompt WAVs in recordings by normalised
 *       cross-correlation; {@link org.hotline.system.SilentLineTimeline} turns a recording and the
 *       hang-up instant into rule R5's three pauses.</li>
 * </ul>
 *
 * <p>Tests against the server itself are kept as {@code *.java.pending} beside this file until
 * {@code org.hotline.Hotline} exists: InProcessHotline (the fixture), GreetingSystemTest,
 * AnswerAndMenuSystemTest and SilentLineSystemTest. Renaming them to {@code .java} enables them.
 * Every run leaves its files (configs, traces, captures, recordings) under
 * {@code target/system-runs/}.
 */
package org.hotline.system;
