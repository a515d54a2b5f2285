package org.hotline.agi;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.util.Map;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound step of a FastAGI connection: opens the {@link AgiSession} on the request and
 * hands it to the {@link AgiScript} its script name selects; afterwards passes replies, the hang-up
 * notice and the connection's end to the session. An unknown script is answered with a clear
 * failure: {@code SET VARIABLE HOTLINE_ERROR "unknown script ..."}, then the connection is closed,
 * so the dialplan continues after {@code AGI()} and can act on the variable; a log line names the
 * channel and the script.
 *
 * <p>Threading: one instance per connection, on its event loop.
 */
final class AgiSessionHandler extends SimpleChannelInboundHandler<AgiInbound> {

    /** The channel variable naming why Hotline refused a session. */
    static final String ERROR_VARIABLE = "HOTLINE_ERROR";

    private static final Logger log = LoggerFactory.getLogger(AgiSessionHandler.class);

    private final Map<String, AgiScript> scripts;
    private AgiSession session;

    AgiSessionHandler(Map<String, AgiScript> scripts) {
        this.scripts = scripts;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AgiInbound message) {
        switch (message) {
            case AgiInbound.Request request -> open(ctx, request);
            case AgiInbound.Reply reply -> {
                if (session != null) {
                    session.onReply(reply.reply());
                }
            }
            case AgiInbound.HangupNotice hangup -> {
                if (session != null) {
                    session.onHangupNotice();
                }
            }
        }
    }

    private void open(ChannelHandlerContext ctx, AgiInbound.Request request) {
        session = new AgiSession(ctx.channel(), request.request());
        String script = scriptName(request.request().getScript());
        AgiScript handler = scripts.get(script);
        if (handler == null) {
            log.atWarn().addKeyValue("callId", session.id()).addKeyValue("channel", request.request().getChannel())
                    .addKeyValue("script", script).log("unknown AGI script; answered with HOTLINE_ERROR");
            session.send(new SetVariableCommand(ERROR_VARIABLE, "unknown script: " + script))
                    .whenComplete((reply, failure) -> session.close());
            return;
        }
        handler.start(session);
    }

    /** {@code agi_network_script} without the query (asterisk-java strips it) and surrounding slashes. */
    static String scriptName(String script) {
        if (script == null) {
            return "";
        }
        String name = script.strip();
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            session.onClosed();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String callId = session == null ? "unknown" : session.id();
        if (cause instanceof IOException) { // a reset or broken connection: the call's end says the rest
            log.atWarn().addKeyValue("callId", callId).log("AGI connection failed ({}); closing it", cause.toString());
        } else {
            log.atWarn().addKeyValue("callId", callId).setCause(cause).log("AGI connection failed; closing it");
        }
        ctx.close();
    }
}
