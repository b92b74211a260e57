package io.github.schemadrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.report.JsonReport;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The four real incidents behind the project, each with its exact drift set, on a real PostgreSQL. */
class SeedIncidentsTest {

    @Test
    void seed000IntegrationTokensMissingIsActive() {
        DriftReport report = detect("000/V1__create_integration_tokens.sql", io.github.schemadrift.fixtures.seed000.IntegrationToken.class);

        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::table, Drift::column, Drift::severity)
                .containsExactly(
                        tuple(DriftKind.MISSING_COLUMN, TableName.of("public", "integration_tokens"), "is_active", Severity.ERROR),
                        tuple(DriftKind.NULLABILITY_MISMATCH, TableName.of("public", "integration_tokens"), "updated_date", Severity.WARNING));
        assertThat(JsonReport.render(report)).contains(
                "{\"kind\":\"MISSING_COLUMN\",\"severity\":\"ERROR\",\"schema\":\"public\",\"table\":\"integration_tokens\","
                        + "\"column\":\"is_active\",\"expected\":\"boolean not null\",\"actual\":null,"
                        + "\"source\":\"io.github.schemadrift.fixtures.seed000.IntegrationToken#active\",\"message\":");
    }

    @Test
    void seed001UsernameMissingAndPasswordHashNotNull() {
        DriftReport report = detect("001/V1__create_users.sql", io.github.schemadrift.fixtures.seed001.User.class);

        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::table, Drift::column, Drift::severity)
                .containsExactly(
                        tuple(DriftKind.NULLABILITY_MISMATCH, TableName.of("public", "users"), "password_hash", Severity.ERROR),
                        tuple(DriftKind.MISSING_COLUMN, TableName.of("public", "users"), "username", Severity.ERROR));
        assertThat(report.drifts().get(0).message()).contains("is NOT NULL but", "User#passwordHash may be null");
    }

    @Test
    void seed003IntegrationsTableMissing() {
        DriftReport report = detect("003/V1__create_user.sql",
                io.github.schemadrift.fixtures.seed003.User.class, io.github.schemadrift.fixtures.seed003.Integration.class);

        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::table, Drift::column, Drift::severity)
                .containsExactly(tuple(DriftKind.MISSING_TABLE, TableName.of("public", "integrations"), null, Severity.ERROR));
        Drift.MissingTable missing = (Drift.MissingTable) report.drifts().get(0);
        assertThat(missing.expectedTable().foreignKeys())
                .singleElement()
                .satisfies(fk -> {
                    assertThat(fk.columns()).containsExactly("user_id");
                    assertThat(fk.referencedTable()).isEqualTo(TableName.of("public", "user"));
                });
    }

    @Test
    void seed004UsersUpdatedAtMissing() {
        DriftReport report = detect("004/V1__create_users.sql", io.github.schemadrift.fixtures.seed004.User.class);

        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::table, Drift::column, Drift::severity)
                .containsExactly(tuple(DriftKind.MISSING_COLUMN, TableName.of("public", "users"), "updated_at", Severity.ERROR));
    }

    @Test
    void everyProblemOfATableIsReportedAtOnce() {
        FreshDatabase database = TestDatabase.create();
        database.execute("""
                CREATE TABLE users (
                    id            SERIAL PRIMARY KEY,
                    password_hash VARCHAR(255) NOT NULL,
                    full_name     VARCHAR(100),
                    username      VARCHAR(255),
                    role          TEXT NOT NULL,
                    is_active     BOOLEAN,
                    tenant_id     INTEGER NOT NULL
                );
                """);

        DriftReport report = SchemaDrift.configure()
                .entities(io.github.schemadrift.fixtures.seed001.User.class)
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();

        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::column, Drift::severity)
                .containsExactly(
                        tuple(DriftKind.MISSING_COLUMN, "email", Severity.ERROR),
                        tuple(DriftKind.SIZE_MISMATCH, "full_name", Severity.ERROR),
                        tuple(DriftKind.NULLABILITY_MISMATCH, "is_active", Severity.ERROR),
                        tuple(DriftKind.NULLABILITY_MISMATCH, "password_hash", Severity.ERROR),
                        tuple(DriftKind.TYPE_MISMATCH, "role", Severity.INFO),
                        tuple(DriftKind.UNMAPPED_COLUMN, "tenant_id", Severity.ERROR));
    }

    @Test
    void verifyThrowsCarryingTheReport() {
        FreshDatabase database = TestDatabase.create();
        database.execute(resource("seeds/004/V1__create_users.sql"));
        SchemaDrift check = SchemaDrift.configure()
                .entities(io.github.schemadrift.fixtures.seed004.User.class)
                .url(database.url(), database.user(), database.password())
                .load();

        assertThatThrownBy(check::verify)
                .isInstanceOfSatisfying(SchemaDriftException.class, e -> assertThat(e.report().drifts())
                        .extracting(Drift::column)
                        .containsExactly("updated_at"));
    }

    @Test
    void theFacadesMigrationScriptRepairsTheDatabase() {
        FreshDatabase database = TestDatabase.create();
        database.execute(resource("seeds/000/V1__create_integration_tokens.sql"));
        database.execute("INSERT INTO integration_tokens (user_id, jwt) VALUES (1, 'a'), (2, 'b')");
        SchemaDrift check = SchemaDrift.configure()
                .entities(io.github.schemadrift.fixtures.seed000.IntegrationToken.class)
                .url(database.url(), database.user(), database.password())
                .load();
        assertThat(check.detect().fixFor(check.detect().drifts().get(0)))
                .containsExactly("ALTER TABLE public.integration_tokens ADD COLUMN is_active boolean DEFAULT true NOT NULL;");

        database.execute(check.migrationScript());

        assertThat(check.detect().hasDriftAtOrAbove(Severity.WARNING)).isFalse();
        assertThat(database.query("SELECT count(*) AS n FROM integration_tokens WHERE is_active"))
                .containsExactly(java.util.Map.of("n", 2L));
    }

    private static DriftReport detect(String migration, Class<?>... entities) {
        FreshDatabase database = TestDatabase.create();
        database.execute(resource("seeds/" + migration));
        return SchemaDrift.configure()
                .entities(entities)
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();
    }

    /**
     * A test resource as text.
     *
     * @param name the path under src/test/resources
     * @return its content
     */
    static String resource(String name) {
        try (InputStream in = SeedIncidentsTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
