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

/** The database after V1 only: both causes of the incident's errors, found at once. */
@SchemaDriftTest(packages = "com.example.users", migrationsTarget = "1")
class DriftAtV1Test {

    @Test
    void passwordHashRefusesNullAndUsernameIsMissing(DriftReport report) {
        assertThat(report)
                .hasDrift(DriftKind.NULLABILITY_MISMATCH, "users", "password_hash")
                .hasDrift(DriftKind.MISSING_COLUMN, "users", "username");
        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::column, Drift::severity)
                .containsExactly(
                        tuple(DriftKind.NULLABILITY_MISMATCH, "password_hash", Severity.ERROR),
                        tuple(DriftKind.MISSING_COLUMN, "username", Severity.ERROR));
    }

    @Test
    void schemadriftWritesTheFix(DriftReport report) {
        assertThat(report.fixFor(report.drifts().get(0)))
                .containsExactly("ALTER TABLE public.users ALTER COLUMN password_hash DROP NOT NULL;");
        assertThat(report.fixFor(report.drifts().get(1)))
                .containsExactly("ALTER TABLE public.users ADD COLUMN username varchar(255);");
    }
}
