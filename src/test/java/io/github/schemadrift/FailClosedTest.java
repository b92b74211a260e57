package io.github.schemadrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.schemadrift.fixtures.seed004.User;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bad input never becomes "no drift": each case is one paragraph naming the input, and no password.
 * And the check only reads: a role that may only read suffices.
 */
class FailClosedTest {

    private static final String PASSWORD = "s3cret-Pa55word";

    @Test
    void anUnreachableDatabaseNamesTheHostAndFailsWithinTheTimeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SchemaDrift check = SchemaDrift.configure()
                .entities(User.class)
                .url("jdbc:postgresql://localhost:" + closedPort + "/app?password=" + PASSWORD, "app", PASSWORD)
                .connectTimeout(Duration.ofSeconds(2))
                .load();

        long start = System.nanoTime();
        assertThatThrownBy(check::detect)
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("Cannot reach PostgreSQL at localhost:" + closedPort)
                .hasMessageContaining("Check the host and port")
                .hasMessageNotContaining(PASSWORD)
                .hasMessageNotContaining("\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aRefusedRoleIsNamedAndItsPasswordIsNot() {
        FreshDatabase database = TestDatabase.create();
        SchemaDrift check = SchemaDrift.configure()
                .entities(User.class)
                .url(database.url(), "no_such_role", PASSWORD)
                .load();

        assertThatThrownBy(check::detect)
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("refused the credentials of user 'no_such_role'")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aMissingDatabaseIsNamed() {
        FreshDatabase database = TestDatabase.create();
        String url = database.url().replaceAll("/[^/?]+(\\?.*)?$", "/no_such_db");
        SchemaDrift check = SchemaDrift.configure()
                .entities(User.class)
                .url(url, database.user(), database.password())
                .load();

        assertThatThrownBy(check::detect)
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("no_such_db")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aPackageWithNoEntitiesIsNamed() {
        assertThatThrownBy(() -> SchemaDrift.configure()
                        .packages("com.example.nothing.here")
                        .url("jdbc:postgresql://localhost/app", "app", PASSWORD)
                        .load())
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("com.example.nothing.here")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void noDatabaseOrNoModelIsAnInputErrorNotAnEmptyReport() {
        assertThatThrownBy(() -> SchemaDrift.configure().entities(User.class).load())
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("No database given.");
        assertThatThrownBy(() -> SchemaDrift.configure().url("jdbc:postgresql://localhost/app", null, null).load())
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("No model given.");
    }

    @Test
    void aRoleThatMayOnlyReadSuffices() {
        FreshDatabase database = TestDatabase.create();
        database.execute(SeedIncidentsTest.resource("seeds/004/V1__create_users.sql"));
        String role = "reader_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        database.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "';"
                + "REVOKE ALL ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO " + role + ";");

        var report = SchemaDrift.configure()
                .entities(User.class)
                .url(database.url(), role, PASSWORD)
                .load()
                .detect();

        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::column)
                .containsExactly(tuple(DriftKind.MISSING_COLUMN, "updated_at"));
        assertThat(report.database()).doesNotContain(PASSWORD);
    }

    @Test
    void theReportsDatabaseNeverCarriesCredentials() {
        FreshDatabase database = TestDatabase.create();
        database.execute(SeedIncidentsTest.resource("seeds/004/V1__create_users.sql"));

        var report = SchemaDrift.configure()
                .entities(User.class)
                .url(database.url() + "?user=" + database.user() + "&password=" + PASSWORD, null, null)
                .load()
                .detect();

        assertThat(report.database()).startsWith("jdbc:postgresql://").doesNotContain(PASSWORD).doesNotContain("password");
    }
}
