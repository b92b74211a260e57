package io.github.schemadrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.schemadrift.fixtures.seed004.User;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With migrations and no database, the check runs on an embedded PostgreSQL it starts and stops itself. */
class EmbeddedMigrationsTest {

    @Test
    void migrationsWithoutADatabaseAreCheckedOnAnEmbeddedPostgres() {
        List<String> steps = new ArrayList<>();
        DriftReport first;
        DriftReport second;
        try (SchemaDrift check = SchemaDrift.configure()
                .entities(User.class)
                .migrations("classpath:seeds/004")
                .progress(steps::add)
                .load()) {
            first = check.detect();
            second = check.detect();
        }

        assertThat(first.drifts())
                .extracting(Drift::kind, Drift::column)
                .containsExactly(tuple(DriftKind.MISSING_COLUMN, "updated_at"));
        assertThat(second.drifts()).isEqualTo(first.drifts());
        assertThat(first.database()).startsWith("an embedded PostgreSQL migrated from classpath:seeds/004 (jdbc:postgresql://localhost:");
        assertThat(steps).containsSubsequence("Starting the embedded PostgreSQL…",
                "Applying the migrations in classpath:seeds/004…", "Applied 1 migration script(s) with Flyway.");
        assertThat(steps).filteredOn(step -> step.startsWith("Starting")).hasSize(1);
    }

    @Test
    void migrationsAreNeverAppliedToAGivenDatabase() {
        assertThatThrownBy(() -> SchemaDrift.configure()
                        .entities(User.class)
                        .url("jdbc:postgresql://localhost/app", "app", null)
                        .migrations("db/migration")
                        .load())
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("Both a database (jdbc:postgresql://localhost/app) and migrations");
    }

    @Test
    void aWrongMigrationsLocationFailsAtLoadBeforeAnyServerStarts() {
        assertThatThrownBy(() -> SchemaDrift.configure().entities(User.class).migrations("no/such/dir").load())
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("no/such/dir does not exist.");
    }

    @Test
    void noDatabaseAndNoMigrationsNamesBoth() {
        assertThatThrownBy(() -> SchemaDrift.configure().entities(User.class).load())
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("No database given.")
                .hasMessageContaining("migrations");
    }
}
