/**
 * Hotline behind Asterisk (issue 6): the FastAGI front. Asterisk hands each hotline call to
 * {@code AGI(agi://hotline:4573/hotline)}; {@link org.hotline.agi.AgiCall} implements the same
 * {@link org.hotline.call.CallControl} as the standalone SIP front, so the same call flow and ACD
 * serve it. One inbound pipeline per FastAGI connection ({@code AgiChannelInitializer}):
 * <pre>
 *  socket ─► LineBasedFrameDecoder ─► AgiMessageDecoder ─► AgiSessionHandler ─► AgiScript
 *            (lines)                   (agi_* block, replies,  (hotline: AgiCall ─► CallFlowRunner,
 *                                       HANGUP; asterisk-java   agent: AgentOffers, feature: AgiFeatureCall)
 *                                       parses them)
 * </pre>
 * Commands are asterisk-java's ({@code org.asteriskjava.fastagi.command}), one in flight per
 * session ({@link org.hotline.agi.AgiSession}). The Asterisk Manager Interface
 * ({@code AmiClient}, asterisk-java's {@code ManagerConnection}) rings agents (Originate), stops
 * announcements (ControlPlayback), and feeds agents' reachability ({@code AgentPresence}) and holds.
 * The wire formats follow res/res_agi.c and the AMI documentation; the tests replay Asterisk's side
 * from transcripts that cite them ({@code src/test/resources/agi/}). Who runs where: THREADING.md.
 */
package org.hotline.agi;
