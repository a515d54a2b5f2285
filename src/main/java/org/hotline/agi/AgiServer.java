package org.hotline.agi;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI listener (Asterisk connects to it for every {@code AGI(agi://...)}; port 4573 by
 * default, res_agi.c AGI_PORT). A Netty server: one acceptor thread and {@code eventLoopThreads}
 * I/O threads serve every connection, so an idle call costs a socket, not a thread. Started and
 * closed by one thread (the composition root's).
 */
public final class AgiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgiServer.class);
    private static final long QUIET_PERIOD_MS = 0;
    private static final long SHUTDOWN_TIMEOUT_MS = 2000;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel listener;

    private AgiServer(EventLoopGroup boss, EventLoopGroup workers, Channel listener) {
        this.boss = boss;
        this.workers = workers;
        this.listener = listener;
    }

    /**
     * Binds and starts serving.
     *
     * @param eventLoopThreads I/O threads, 0 for Netty's default (twice the cores)
     * @throws IllegalStateException if the address cannot be bound
     */
    static AgiServer start(String bindAddress, int port, int eventLoopThreads, Map<String, AgiScript> scripts) {
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("hotline-agi-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(eventLoopThreads, new DefaultThreadFactory("hotline-agi", true));
        try {
            Channel listener = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new AgiChannelInitializer(scripts))
                    .bind(new InetSocketAddress(bindAddress, port))
                    .syncUninterruptibly()
                    .channel();
            AgiServer server = new AgiServer(boss, workers, listener);
            log.atInfo().addKeyValue("address", bindAddress).addKeyValue("port", server.port()).log("FastAGI server listening");
            return server;
        } catch (RuntimeException e) {
            shutdown(boss);
            shutdown(workers);
            throw new IllegalStateException("cannot listen for FastAGI on " + bindAddress + ":" + port, e);
        }
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops accepting and closes every connection (Asterisk continues those calls' dialplans). */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        shutdown(boss);
        shutdown(workers);
    }

    private static void shutdown(EventLoopGroup group) {
        group.shutdownGracefully(QUIET_PERIOD_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
