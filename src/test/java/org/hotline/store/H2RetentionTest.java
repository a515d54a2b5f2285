package org.hotline.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Retention on the embedded database, H2 served over TCP on 127.0.0.1 so a test can stop it. */
class H2RetentionTest extends RetentionContract {

    private int port;
    private Server server;

    @BeforeEach
    void startH2() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        startDatabase();
    }

    @AfterEach
    void stopH2() {
        stopDatabase();
    }

    @Override
    String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/store";
    }

    @Override
    void stopDatabase() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    void startDatabase() {
        try {
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", temp.resolve("h2").toString(),
                    "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start H2 on port " + port, e);
        }
    }
}
