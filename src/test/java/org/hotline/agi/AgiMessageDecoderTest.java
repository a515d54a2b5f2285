package org.hotline.agi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.junit.jupiter.api.Test;

/**
 * The FastAGI wire format (res/res_agi.c: setup_env, agi_handle_command, run_agi) framed on Netty
 * and parsed by asterisk-java's model, on an {@link EmbeddedChannel}: no sockets.
 */
class AgiMessageDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new LineBasedFrameDecoder(8192), new AgiMessageDecoder());

    @Test
    void parsesTheEnvironmentWithTheScriptItsParametersAndTheArguments() {
        AgiRequest request = request("""
                agi_network: yes
                agi_network_script: feature?code=%2A1&agent=1001
                agi_request: agi://hotline:4573/feature?code=%2A1&agent=1001
                agi_channel: PJSIP/1001-00000003
                agi_uniqueid: 1773106200.3
                agi_callerid: 1001
                agi_dnid: *1
                agi_arg_1: a b
                agi_arg_2: c, "d"

                """);

        assertEquals("feature", request.getScript());
        assertEquals("*1", request.getParameter("code"));
        assertEquals("1001", request.getParameter("agent"));
        assertEquals("1773106200.3", request.getUniqueId());
        assertEquals("PJSIP/1001-00000003", request.getChannel());
        assertArrayEquals(new String[] {"a b", "c, \"d\""}, request.getArguments());
        assertEquals("a b", AgiFeatureCall.argument(request, "missing", 0).orElseThrow());
        assertEquals("*1", AgiFeatureCall.argument(request, "code", 0).orElseThrow());
    }

    @Test
    void namesTheScriptWithoutItsQueryOrSlashes() {
        assertEquals("hotline", AgiSessionHandler.scriptName("/hotline/"));
        assertEquals("billing/v2", AgiSessionHandler.scriptName("billing/v2"));
        assertEquals("", AgiSessionHandler.scriptName(null));
    }

    @Test
    void readsTheResultAndEndposOfAStreamFileStoppedByAKey() {
        request("agi_network: yes\nagi_uniqueid: 1\n\n");
        AgiReply reply = reply("200 result=49 endpos=12345\n");

        assertEquals(AgiReply.SC_SUCCESS, reply.getStatus());
        assertEquals('1', reply.getResultCodeAsChar());
        assertEquals("12345", reply.getAttribute("endpos"));
    }

    @Test
    void readsAVariableInParentheses() {
        request("agi_uniqueid: 1\n\n");
        assertEquals("ANSWER", reply("200 result=1 (ANSWER)\n").getExtra());
    }

    @Test
    void takesTheWhole520UsageBlockAsOneReply() {
        request("agi_uniqueid: 1\n\n");
        AgiReply reply = reply("""
                520-Invalid command syntax.  Proper usage follows:
                Usage: WAIT FOR DIGIT <timeout>
                  Waits up to 'timeout' milliseconds for channel to receive a DTMF digit.
                520 End of proper usage.
                """);

        assertEquals(AgiReply.SC_INVALID_COMMAND_SYNTAX, reply.getStatus());
        assertEquals("WAIT FOR DIGIT <timeout>", reply.getSynopsis());
        assertNull(channel.readInbound(), "one reply for the block");
    }

    @Test
    void tellsUnknownCommandsFromDeadChannels() {
        request("agi_uniqueid: 1\n\n");
        assertEquals(AgiReply.SC_INVALID_OR_UNKNOWN_COMMAND, reply("510 Invalid or unknown command\n").getStatus());
        assertEquals(AgiReply.SC_DEAD_CHANNEL, reply("511 Command Not Permitted on a dead channel\n").getStatus());
        assertEquals(AgiReply.SC_DEAD_CHANNEL,
                reply("511 Command Not Permitted on a dead channel or intercept routine\n").getStatus());
    }

    @Test
    void turnsHangupIntoANoticeAlsoWhenAReplyIsGluedToIt() {
        request("agi_uniqueid: 1\n\n");
        write("HANGUP\r\nHANGUP200 result=0\n");

        assertInstanceOf(AgiInbound.HangupNotice.class, channel.readInbound());
        assertInstanceOf(AgiInbound.HangupNotice.class, channel.readInbound());
        assertEquals(AgiReply.SC_SUCCESS, ((AgiInbound.Reply) channel.readInbound()).reply().getStatus());
    }

    @Test
    void dropsTryingLinesAndBlankLines() {
        request("agi_uniqueid: 1\n\n");
        write("100 result=0 Trying...\n\n");
        assertNull(channel.readInbound());
    }

    @Test
    void writesOneCommandPerLineQuotedByAsteriskJava() {
        EmbeddedChannel out = new EmbeddedChannel(new AgiCommandEncoder());
        out.writeOutbound(new StreamFileCommand("/var/lib/hotline/prompts/zh-CN/menu.main", "0123456789*#"));
        ByteBuf written = out.readOutbound();
        assertEquals("STREAM FILE \"/var/lib/hotline/prompts/zh-CN/menu.main\" \"0123456789*#\"\n",
                written.toString(StandardCharsets.UTF_8));
        written.release();
    }

    @Test
    void hasNoReadTimeoutThatWouldCutALongBridgedCall() throws Exception {
        NioSocketChannel socket = new NioSocketChannel();
        try {
            new AgiChannelInitializer(Map.of()).initChannel(socket);
            List<Class<?>> handlers = socket.pipeline().toMap().values().stream()
                    .<Class<?>>map(ChannelHandler::getClass).toList();
            assertEquals(List.of(LineBasedFrameDecoder.class, AgiMessageDecoder.class, AgiCommandEncoder.class,
                    AgiSessionHandler.class), handlers);
            assertFalse(handlers.contains(IdleStateHandler.class) || handlers.contains(ReadTimeoutHandler.class));
        } finally {
            socket.unsafe().closeForcibly(); // never registered: no event loop to close it on
        }
    }

    private AgiRequest request(String header) {
        write(header);
        Object message = channel.readInbound();
        assertTrue(message instanceof AgiInbound.Request, String.valueOf(message));
        return ((AgiInbound.Request) message).request();
    }

    private AgiReply reply(String lines) {
        write(lines);
        Object message = channel.readInbound();
        assertTrue(message instanceof AgiInbound.Reply, String.valueOf(message));
        return ((AgiInbound.Reply) message).reply();
    }

    private void write(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }
}
