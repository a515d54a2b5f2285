/**
 * The standalone SIP front: callers' calls (UAS, {@link org.hotline.sip.SipCall}), agents'
 * registrations and feature codes, and the B2BUA's second leg to an agent's phone.
 *
 * <pre>
 *  caller ──INVITE──► SipCall ──offerAgent──► AgentOfferAttempt ──INVITE per contact──► AgentCall ──► agent's phones
 *                       ▲   (CallControl)        first 2xx wins, CANCEL the rest            │ (UAC)
 *                       └──────── relay ◄──────── BridgedLeg (AgentLeg) ◄───────────────────┘
 * </pre>
 *
 * <p>THREADING, in addition to THREADING.md at the root:
 * <ul>
 *   <li>SIP stack threads run every request handler and every response or timeout of our own
 *       requests ({@link org.hotline.sip.DialogEndpoint}), the caller's and the agent's alike;
 *       they never block. {@link org.hotline.call.AgentOfferListener} is called on them.</li>
 *   <li>{@code offerAgent}, {@code startPlayback}, {@code whenHungUp} and {@code AgentOffer.cancel}
 *       never block and may be called from the ACD's executor; each INVITE to an agent is sent
 *       from its own short virtual thread ({@code agent-invite-<Call-ID>}), since a TCP connect
 *       may block.</li>
 *   <li>The caller's virtual thread drives the {@link org.hotline.call.AgentLeg} ({@code whisper}
 *       and {@code awaitEvent} block).</li>
 *   <li>One platform timer thread per front ({@code hotline-sip-timers}) purges lapsed
 *       registrations every second (registration listener calls then come from it) and bounds a
 *       cancelled INVITE to 64*T1 (RFC 3261 §9.1); its tasks are short and never block.</li>
 *   <li>Feature-code calls run on their own virtual thread ({@code feature-code-<Call-ID>}).</li>
 *   <li>Whichever thread ends a caller's call runs its {@link org.hotline.sip.EndActions}: the
 *       ACD's hang-up notices, cancelling offers still ringing, BYE to the agent leg.</li>
 * </ul>
 */
package org.hotline.sip;
