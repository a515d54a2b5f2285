package org.hotline.call;

/**
 * Where a front delivers a new call. Called on a front's I/O thread (SIP stack or Netty), so it
 * must return at once: the call-flow runner starts the call's virtual thread and returns.
 */
@FunctionalInterface
public interface IncomingCallHandler {

    void onIncomingCall(CallControl call);
}
