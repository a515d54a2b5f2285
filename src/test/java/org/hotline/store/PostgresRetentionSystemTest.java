package org.hotline.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retention on a real PostgreSQL ({@link PostgresCluster}): the same V2 migration and tests as {@link H2RetentionTest}. */
@ExtendWith(PostgresExtension.class)
class PostgresRetentionSystemTest extends RetentionContract {

    private PostgresCluster cluster;
    private String url;

    @BeforeEach
    void createDatabase(PostgresCluster postgres) {
        cluster = postgres;
        url = cluster.createDatabase();
    }

    @Override
    String jdbcUrl() {
        return url;
    }

    @Override
    void stopDatabase() {
        cluster.stopServer();
    }

    @Override
    void startDatabase() {
        cluster.startServer();
    }
}
