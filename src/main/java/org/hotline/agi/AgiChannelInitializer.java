package org.hotline.agi;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.util.Map;

/**
 * The pipeline of one FastAGI connection, in one place:
 * <pre>
 *  socket ─► LineBasedFrameDecoder ─► AgiMessageDecoder ─► AgiSessionHandler ─► AgiSession / AgiScript
 *  socket ◄─ AgiCommandEncoder ◄──────────────────────────── AgiSession.send(AgiCommand)
 * </pre>
 * No idle or read-timeout handler: a bridged call sends nothing for as long as it lasts (a
 * two-hour call is legal); a dead peer is found by TCP keep-alive and by Asterisk's own close.
 * Stateless; the handlers it adds are per connection.
 */
final class AgiChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** res_agi.c reads commands into an AGI_BUF_LEN (2048) buffer; replies are shorter than this. */
    static final int MAX_LINE_BYTES = 8192;

    private final Map<String, AgiScript> scripts;

    AgiChannelInitializer(Map<String, AgiScript> scripts) {
        this.scripts = Map.copyOf(scripts);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("lines", new LineBasedFrameDecoder(MAX_LINE_BYTES));
        pipeline.addLast("agi-decoder", new AgiMessageDecoder());
        pipeline.addLast("agi-encoder", new AgiCommandEncoder());
        pipeline.addLast("agi-session", new AgiSessionHandler(scripts));
    }
}
