/**
 * Call recording for QA (issue 4 part 1, rule R14): one stereo WAV per bridged call, the caller on
 * the left and the agent on the right, 8 kHz 16-bit PCM, from the first connect to an agent to the
 * call's end, through holds and transfers.
 *
 * <pre>
 *  RtpSession (caller)   RtpSession (agent)        the B2BUA's BridgeListener: which sessions
 *  InboundAudioHandler   InboundAudioHandler       call events: start, segments, end
 *        | RtpPacket (immutable, no copy)                   |
 *        v on the event loop: offer, never blocks           v
 *     FrameQueue (bounded; full: dropped, counted)     Recordings (policy per queue, RecordedCall)
 *        | on the recording's virtual thread, every 100 ms  |
 *        v                                                  v
 *     RecordingWriter: G.711 decode -> StereoTimeline (LegTrack per leg: placed by RTP timestamp,
 *        anchored to arrival time) -> WavWriter (header first, sizes every second) ; Sidecar JSON
 *        on segment changes ; at the end: sizes, SHA-256, sidecar FINISHED, RecordingListener
 * </pre>
 *
 * <p>On start-up {@code StartupRepair} finds sidecars still RECORDING, repairs their WAVs to every
 * whole frame on disk and reports them finished with {@code repairedAfterCrash}.
 * {@link org.hotline.recording.RecordingInfo} and {@link org.hotline.recording.RecordingListener}
 * are the contract with the store and metrics.
 */
package org.hotline.recording;
