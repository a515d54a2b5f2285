package org.hotline.agi;

/**
 * What Hotline does with a FastAGI session, chosen by the script name of the dialplan's
 * {@code AGI(agi://host:port/<script>?params,args)} ({@code agi_network_script}). Called on the
 * session's event loop, so it must return at once (start a virtual thread for anything blocking).
 */
@FunctionalInterface
interface AgiScript {

    void start(AgiSession session);
}
