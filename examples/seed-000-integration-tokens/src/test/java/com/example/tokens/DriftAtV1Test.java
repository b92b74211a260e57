package com.example.tokens;

import static io.github.schemadrift.assertj.SchemaDriftAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.schemadrift.junit.SchemaDriftTest;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import org.junit.jupiter.api.Test;

/** The database as it was after V1 only: the drift that broke every token insert, found before deploying. */
@SchemaDriftTest(packages = "com.example.tokens", migrationsTarget = "1")
class DriftAtV1Test {

    @Test
    void isActiveIsMissingAndUpdatedDateMayBeNull(DriftReport report) {
        assertThat(report)
                .hasDrift(DriftKind.MISSING_COLUMN, "integration_tokens", "is_active")
                .hasDrift(DriftKind.NULLABILITY_MISMATCH, "integration_tokens", "updated_date");
        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::column, Drift::severity, Drift::source)
                .containsExactly(
                        tuple(DriftKind.MISSING_COLUMN, "is_active", Severity.ERROR, "com.example.tokens.IntegrationToken#active"),
                        tuple(DriftKind.NULLABILITY_MISMATCH, "updated_date", Severity.WARNING,
                                "com.example.tokens.IntegrationToken#updatedDate"));
    }

    @Test
    void schemadriftWritesTheFix(DriftReport report) {
        assertThat(report.fixFor(report.drifts().get(0)))
                .containsExactly("ALTER TABLE public.integration_tokens ADD COLUMN is_active boolean DEFAULT true NOT NULL;");
    }
}
