package io.github.schemadrift;

import static io.github.schemadrift.SeedIncidentsTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.sql.FixOptions;
import io.github.schemadrift.sql.FixPlanner;
import io.github.schemadrift.sql.MigrationScript;
import io.github.schemadrift.sql.ScriptStyle;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each seed incident, repaired: migrate, insert rows, detect, plan, apply the generated Flyway script the way
 * Flyway runs it (one transaction), detect again. No ERROR or WARNING may be left, and the rows survive.
 */
class SeedFixesTest {

    @Test
    void seed000AddsIsActiveWithTheModelsDefaultAndBackfillsUpdatedDate() {
        FreshDatabase database = migrated("000/V1__create_integration_tokens.sql");
        database.execute("""
                INSERT INTO integration_tokens (user_id, jwt, description) VALUES (1, 'a.b.c', null), (2, 'd.e.f', 'ci');
                INSERT INTO integration_tokens (user_id, jwt, updated_date) VALUES (3, 'g.h.i', '2024-01-01 10:00');
                """);
        SchemaDrift check = check(database, io.github.schemadrift.fixtures.seed000.IntegrationToken.class);

        String script = repair(database, check);

        assertThat(script).contains(
                "ALTER TABLE public.integration_tokens ADD COLUMN is_active boolean DEFAULT true NOT NULL;",
                "UPDATE public.integration_tokens SET updated_date = CURRENT_TIMESTAMP WHERE updated_date IS NULL;",
                "ALTER TABLE public.integration_tokens ALTER COLUMN updated_date SET NOT NULL;");
        assertThat(database.query("SELECT count(*) AS n FROM integration_tokens WHERE is_active AND updated_date IS NOT NULL"))
                .containsExactly(java.util.Map.of("n", 3L));
        assertThat(database.query("SELECT updated_date::text AS d FROM integration_tokens WHERE user_id = 3"))
                .containsExactly(java.util.Map.of("d", "2024-01-01 10:00:00"));
    }

    @Test
    void seed001AddsUsernameAndLetsPasswordHashBeNull() {
        FreshDatabase database = migrated("001/V1__create_users.sql");
        database.execute("INSERT INTO users (email, password_hash) VALUES ('a@example.com', 'h1'), ('b@example.com', 'h2')");
        SchemaDrift check = check(database, io.github.schemadrift.fixtures.seed001.User.class);

        String script = repair(database, check);

        assertThat(script).contains("ALTER TABLE public.users ALTER COLUMN password_hash DROP NOT NULL;",
                "ALTER TABLE public.users ADD COLUMN username varchar(255);");
        database.execute("INSERT INTO users (email, password_hash, username) VALUES ('c@example.com', null, 'c')");
        assertThat(database.query("SELECT count(*) AS n FROM users")).containsExactly(java.util.Map.of("n", 3L));
    }

    @Test
    void seed003CreatesIntegrationsWithItsCascadingForeignKeyToUser() {
        FreshDatabase database = migrated("003/V1__create_user.sql");
        database.execute("INSERT INTO \"user\" (id, email) VALUES ('u1', 'a@example.com'), ('u2', 'b@example.com')");
        SchemaDrift check = check(database,
                io.github.schemadrift.fixtures.seed003.User.class, io.github.schemadrift.fixtures.seed003.Integration.class);

        String script = repair(database, check);

        assertThat(script).contains("CREATE TABLE public.integrations (")
                .containsPattern("ALTER TABLE public.integrations ADD CONSTRAINT \\w+ FOREIGN KEY \\(user_id\\)"
                        + " REFERENCES public.\"user\" \\(id\\) ON DELETE CASCADE;");
        // The incident's own migration: REFERENCES "user"(id) ON DELETE CASCADE.
        assertThat(database.query("""
                SELECT confdeltype::text AS on_delete FROM pg_constraint
                WHERE contype = 'f' AND conrelid = 'public.integrations'::regclass"""))
                .containsExactly(java.util.Map.of("on_delete", "c"));
        database.execute("""
                INSERT INTO integrations (id, user_id, type, name, access_token, metadata)
                VALUES ('i1', 'u1', 'notion', 'Notion', 'secret', '{"workspace": "w"}')""");
        assertThat(database.query("SELECT is_active, created_at IS NOT NULL AS stamped FROM integrations"))
                .containsExactly(java.util.Map.of("is_active", true, "stamped", true));
        assertThatThrownBy(() -> database.execute(
                "INSERT INTO integrations (id, user_id, type, name, access_token) VALUES ('i2', 'nobody', 't', 'n', 's')"))
                .hasMessageContaining("foreign key");
        database.execute("DELETE FROM \"user\" WHERE id = 'u1'");
        assertThat(database.query("SELECT count(*) AS n FROM integrations")).containsExactly(java.util.Map.of("n", 0L));
    }

    @Test
    void seed004AddsUpdatedAtFillingExistingRowsWithAPlaceholder() {
        FreshDatabase database = migrated("004/V1__create_users.sql");
        database.execute("""
                INSERT INTO users (id, email, hashed_password) VALUES
                    (gen_random_uuid(), 'a@example.com', 'h1'), (gen_random_uuid(), 'b@example.com', 'h2')""");
        SchemaDrift check = check(database, io.github.schemadrift.fixtures.seed004.User.class);

        String script = repair(database, check);

        assertThat(script).contains("-- review: existing rows get the placeholder now()",
                "ALTER TABLE public.users ADD COLUMN updated_at timestamp(6) DEFAULT now() NOT NULL;",
                "ALTER TABLE public.users ALTER COLUMN updated_at DROP DEFAULT;");
        assertThat(database.query("SELECT count(*) AS n FROM users WHERE updated_at IS NOT NULL")).containsExactly(java.util.Map.of("n", 2L));
    }

    @Test
    void lockAwarePlainScriptRepairsSeed000StatementByStatement() throws SQLException {
        FreshDatabase database = migrated("000/V1__create_integration_tokens.sql");
        database.execute("INSERT INTO integration_tokens (user_id, jwt) VALUES (1, 'a.b.c'), (2, 'd.e.f')");
        SchemaDrift check = check(database, io.github.schemadrift.fixtures.seed000.IntegrationToken.class);
        FixOptions options = FixOptions.lockAware(Duration.ofSeconds(5)).withStatementTimeout(Duration.ofMinutes(1));
        String script = MigrationScript.render(FixPlanner.plan(check.detect(), options), ScriptStyle.PLAIN, options);

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // each statement its own transaction, as psql runs a file
            statement.execute(script);
            statement.execute("SHOW lock_timeout");
        }

        assertThat(script).contains("VALIDATE CONSTRAINT schemadrift_updated_date_not_null;");
        DriftReport after = check.detect();
        assertThat(after.count(Severity.ERROR) + after.count(Severity.WARNING)).isZero();
        assertThat(database.query("SELECT conname FROM pg_constraint WHERE conname LIKE 'schemadrift%'")).isEmpty();
    }

    private static FreshDatabase migrated(String migration) {
        FreshDatabase database = TestDatabase.create();
        database.execute(resource("seeds/" + migration));
        return database;
    }

    private static SchemaDrift check(FreshDatabase database, Class<?>... entities) {
        return SchemaDrift.configure().entities(entities).url(database.url(), database.user(), database.password()).load();
    }

    /** Detects, plans, applies the Flyway script in one transaction as Flyway does, and checks nothing is left. */
    private static String repair(FreshDatabase database, SchemaDrift check) {
        DriftReport before = check.detect();
        assertThat(before.hasDriftAtOrAbove(Severity.WARNING)).isTrue();
        String script = MigrationScript.render(FixPlanner.plan(before), ScriptStyle.FLYWAY);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(script);
            connection.commit();
        } catch (SQLException e) {
            throw new AssertionError("the generated script failed: " + e.getMessage() + "\n" + script, e);
        }
        DriftReport after = check.detect();
        assertThat(after.drifts(d -> d.severity().isAtLeast(Severity.WARNING)))
                .as("drift left after applying\n%s", script)
                .isEmpty();
        return script;
    }
}
