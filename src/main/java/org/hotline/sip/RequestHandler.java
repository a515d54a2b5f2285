package org.hotline.sip;

import javax.sip.RequestEvent;

/** Handles one SIP method on a stack thread: answers or hands off, never blocks. */
@FunctionalInterface
interface RequestHandler {

    void handle(RequestEvent event) throws Exception;
}
