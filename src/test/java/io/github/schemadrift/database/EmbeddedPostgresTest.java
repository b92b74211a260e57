package io.github.schemadrift.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.SchemaDriftInputException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts real PostgreSQL servers; as root (as in CI) this exercises the run-as-nobody path. */
class EmbeddedPostgresTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void answersQueriesAsThePostgresUser() throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("select version(), current_user, current_setting('fsync')")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).startsWith("PostgreSQL 18.");
            assertThat(version.getString(2)).isEqualTo("postgres");
            assertThat(version.getString(3)).isEqualTo("off");
        }
        assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/postgres");
    }

    @Test
    void createdDatabaseTakesDdl() throws SQLException {
        String url = postgres.createDatabase("drift_check");

        assertThat(url).isEqualTo(postgres.jdbcUrl("drift_check"));
        try (Connection connection = postgres.dataSource("drift_check").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table invoice (id bigint primary key, total numeric(10, 2) not null)");
            statement.execute("insert into invoice values (1, 9.99)");
            try (ResultSet rows = statement.executeQuery("select current_database(), count(*) from invoice")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("drift_check");
                assertThat(rows.getInt(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void existingDatabaseNameIsAClearError() {
        postgres.createDatabase("twice");

        assertThatThrownBy(() -> postgres.createDatabase("twice"))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("Could not create database 'twice'")
                .hasMessageContaining("already exists");
    }

    @Test
    void twoServersRunAtOnceAndCloseStopsAndDeletes() throws SQLException {
        EmbeddedPostgres second = EmbeddedPostgres.start();
        Path directory = second.directory();
        int port = second.port();
        try {
            assertThat(port).isNotEqualTo(postgres.port());
            second.createDatabase("only_on_second");
            try (Connection connection = second.dataSource("only_on_second").getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
            assertThat(Files.isDirectory(directory.resolve("data"))).isTrue();
        } finally {
            second.close();
        }

        assertThat(acceptsConnections(port)).isFalse();
        assertThat(directory).doesNotExist();
        assertThat(acceptsConnections(postgres.port())).isTrue();
        second.close();
    }

    @Test
    void dataDirectoryBelongsToTheServerUser() throws Exception {
        Path data = postgres.directory().resolve("data");
        String expected = isRoot() ? "nobody" : ServerUser.CURRENT.name();

        assertThat(Files.getOwner(data).getName()).isEqualTo(expected);
    }

    @Test
    void rootWithoutSetprivOrRunuserNamesTheProblemAndTheRemedies() {
        assertThatThrownBy(() -> EmbeddedPostgres.start(true, command -> Optional.empty(), () -> 0))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("PostgreSQL refuses to run as root")
                .hasMessageContaining("neither command was found")
                .hasMessageContaining("Install util-linux")
                .hasMessageContaining("run as a non-root user")
                .hasMessageContaining("pass a database URL")
                .hasMessageNotContaining("\n");
    }

    @Test
    void runuserIsTheFallbackWhenSetprivIsMissing() {
        ServerUser user = ServerUser.unprivileged(
                command -> command.equals("runuser") ? Optional.of(Path.of("/usr/sbin/runuser")) : Optional.empty());

        assertThat(user.commandPrefix()).startsWith("/usr/sbin/runuser", "-u", "nobody", "-g");
        assertThat(user.commandPrefix()).endsWith("--");
    }

    @Test
    void portTakenByAnotherProcessIsRetriedOnAnotherPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Iterator<Integer> offered = List.of(taken.getLocalPort(), freePort()).iterator();

            try (EmbeddedPostgres retried = EmbeddedPostgres.start(
                    isRoot(), EmbeddedPostgres::findOnPath, offered::next)) {
                assertThat(retried.port()).isNotEqualTo(taken.getLocalPort());
                try (Connection connection = retried.dataSource("postgres").getConnection()) {
                    assertThat(connection.isValid(5)).isTrue();
                }
            }
        }
    }

    private static boolean isRoot() {
        return System.getProperty("user.name").equals("root");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
