package org.hotline.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store's contract on the embedded database, H2, served over TCP on 127.0.0.1 from a temporary
 * directory so a test can stop it (rule R20) and start it again on the same port.
 */
class H2StoreTest extends StoreContract {

    private int port;
    private Server server;

    @BeforeEach
    void startH2() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
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
