package org.hotline.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store's contract on a real PostgreSQL (Debian's, started by {@link PostgresCluster} for the
 * run): the same Flyway migrations and tests as {@link H2StoreTest}; stopping the server mid-test
 * is rule R20's outage.
 */
@ExtendWith(PostgresExtension.class)
class PostgresStoreSystemTest extends StoreContract {

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
