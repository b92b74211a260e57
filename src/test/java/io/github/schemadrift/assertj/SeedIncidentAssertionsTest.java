package io.github.schemadrift.assertj;

import static io.github.schemadrift.assertj.SchemaDriftAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.fixtures.seed000.IntegrationToken;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 000 on a real PostgreSQL: the assertion fails naming both drifts, and passes once the fix migration ran. */
class SeedIncidentAssertionsTest {

    @Test
    void seed000FailsUntilTheFixMigrationRunsOnATableWithRows() {
        FreshDatabase database = TestDatabase.create();
        database.execute(resource("seeds/000/V1__create_integration_tokens.sql"));
        // rows as production had them, one without updated_date: SET NOT NULL must not meet a null
        database.execute("""
                INSERT INTO integration_tokens (user_id, jwt, updated_date) VALUES (1, 'a', now());
                INSERT INTO integration_tokens (user_id, jwt, updated_date) VALUES (2, 'b', NULL);
                """);
        SchemaDrift check = SchemaDrift.configure()
                .entities(IntegrationToken.class)
                .dataSource(database.dataSource())
                .load();

        // the whole message, fix SQL included (the facade fills it); only the server's port varies
        assertThatThrownBy(() -> assertThat(check).hasNoDrift())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting no drift between the model and the database, but found 2:

                        2 drifts: 1 error, 1 warning, 0 infos
                          model:    Hibernate model of classes [io.github.schemadrift.fixtures.seed000.IntegrationToken]
                          database: %s

                        public.integration_tokens
                          ERROR   MISSING_COLUMN       is_active
                              found:    nothing
                              expected: boolean not null
                              from:     io.github.schemadrift.fixtures.seed000.IntegrationToken#active
                              why:      column public.integration_tokens.is_active does not exist; every query that reads or writes io.github.schemadrift.fixtures.seed000.IntegrationToken#active fails
                              fix:      ALTER TABLE public.integration_tokens ADD COLUMN is_active boolean DEFAULT true NOT NULL;
                          WARNING NULLABILITY_MISMATCH updated_date
                              found:    timestamp without time zone
                              expected: timestamp(6) not null
                              from:     io.github.schemadrift.fixtures.seed000.IntegrationToken#updatedDate
                              why:      column public.integration_tokens.updated_date accepts null but io.github.schemadrift.fixtures.seed000.IntegrationToken#updatedDate is NOT NULL; the database no longer guarantees it
                              fix:      -- review: rows holding null get the model's default CURRENT_TIMESTAMP
                                        UPDATE public.integration_tokens SET updated_date = CURRENT_TIMESTAMP WHERE updated_date IS NULL;
                                        ALTER TABLE public.integration_tokens ALTER COLUMN updated_date SET NOT NULL;"""
                        .formatted(database.url().replaceAll("\\?.*", "")));
        assertThat(check).hasDrift(DriftKind.MISSING_COLUMN, "integration_tokens", "is_active")
                .containsOnlyKinds(DriftKind.MISSING_COLUMN, DriftKind.NULLABILITY_MISMATCH)
                .ignoringKinds(DriftKind.NULLABILITY_MISMATCH)
                .hasDrift(DriftKind.MISSING_COLUMN, "public.integration_tokens", "is_active");

        // the seed's fix migration, with the backfill the NOT NULL needs
        database.execute("""
                ALTER TABLE integration_tokens ADD COLUMN IF NOT EXISTS is_active BOOLEAN NOT NULL DEFAULT true;
                UPDATE integration_tokens SET updated_date = created_date WHERE updated_date IS NULL;
                ALTER TABLE integration_tokens ALTER COLUMN updated_date SET NOT NULL;
                """);

        assertThatCode(() -> assertThat(check).hasNoDrift()).doesNotThrowAnyException();
        assertThat(database.query("SELECT count(*) AS n FROM integration_tokens WHERE is_active AND updated_date IS NOT NULL"))
                .containsExactly(Map.of("n", 2L));
    }

    private static String resource(String name) {
        try (InputStream in = SeedIncidentAssertionsTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
