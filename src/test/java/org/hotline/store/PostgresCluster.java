package org.hotline.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL cluster for the store's system tests: Debian's binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, installed by .ci/install-test-peers), a data
 * directory in a temporary directory, trust authentication, listening on 127.0.0.1 on a free port.
 * PostgreSQL refuses to run as root, so under root (CI) every command runs as the {@code postgres}
 * user through {@code runuser}. One cluster serves the whole test run ({@link #shared}); each test
 * takes a fresh database. Tests may stop and start it (rule R20). Not thread-safe: the test
 * thread drives it.
 */
final class PostgresCluster implements ExtensionContext.Store.CloseableResource {

    private static final long COMMAND_SECONDS = 60;
    static final String USER = "hotline";

    private final Path bin;
    private final Path home;
    private final int port;
    private final boolean asRoot;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresCluster(Path bin, Path home, int port, boolean asRoot) {
        this.bin = bin;
        this.home = home;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The run's cluster, started on first use and stopped when the test run ends. */
    static PostgresCluster shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresCluster.class))
                .getOrComputeIfAbsent(PostgresCluster.class, key -> start(), PostgresCluster.class);
    }

    static PostgresCluster start() {
        try {
            Path bin = binaries();
            Path home = Files.createTempDirectory("hotline-pg");
            boolean asRoot = "root".equals(System.getProperty("user.name"));
            if (asRoot) {
                UserPrincipal postgres = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(home, postgres);
            }
            PostgresCluster cluster = new PostgresCluster(bin, home, freePort(), asRoot);
            cluster.run("initdb", List.of(bin.resolve("initdb").toString(), "-D", cluster.data(), "-U", USER, "-A", "trust",
                    "-E", "UTF8", "--no-sync"));
            cluster.startServer();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL for the tests", e);
        }
    }

    /** A new empty database; its JDBC URL. */
    String createDatabase() {
        String name = "store_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void startServer() {
        run("pg_ctl start", List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-l", home.resolve("server.log").toString(),
                "-w", "-t", "30", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** Stops the server at once (fast shutdown: clients are disconnected). */
    void stopServer() {
        run("pg_ctl stop", List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "-t", "30", "stop"));
    }

    @Override
    public void close() throws IOException {
        try {
            stopServer();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private String data() {
        return home.resolve("data").toString();
    }

    private void run(String what, List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = home.resolve(what.replace(' ', '-') + ".out");
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in " + COMMAND_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (" + process.exitValue() + "): " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PostgreSQL is not installed: run .ci/install-test-peers (Debian package postgresql)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + root + ": run .ci/install-test-peers"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
