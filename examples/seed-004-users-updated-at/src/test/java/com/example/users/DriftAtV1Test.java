package com.example.users;

import static io.github.schemadrift.assertj.SchemaDriftAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.schemadrift.junit.SchemaDriftTest;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import org.junit.jupiter.api.Test;

/** The database after V1 only: the column registration failed on is missing. */
@SchemaDriftTest(packages = "com.example.users", migrationsTarget = "1")
class DriftAtV1Test {

    @Test
    void updatedAtIsMissing(DriftReport report) {
        assertThat(report).hasDrift(DriftKind.MISSING_COLUMN, "users", "updated_at");
        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::column, Drift::severity, Drift::source)
                .containsExactly(tuple(DriftKind.MISSING_COLUMN, "updated_at", Severity.ERROR, "com.example.users.User#updatedAt"));
    }
}
