package com.example.integrations;

import static io.github.schemadrift.assertj.SchemaDriftAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.schemadrift.junit.SchemaDriftTest;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import org.junit.jupiter.api.Test;

/** The database after V1 only: the code's new integrations table does not exist yet. */
@SchemaDriftTest(packages = "com.example.integrations", migrationsTarget = "1")
class DriftAtV1Test {

    @Test
    void theIntegrationsTableIsMissing(DriftReport report) {
        assertThat(report).hasDrift(DriftKind.MISSING_TABLE, "integrations", null);
        assertThat(report.drifts())
                .extracting(Drift::kind, drift -> drift.table().name(), Drift::severity)
                .containsExactly(tuple(DriftKind.MISSING_TABLE, "integrations", Severity.ERROR));
    }

    @Test
    void schemadriftWritesTheCreateTable(DriftReport report) {
        assertThat(String.join("\n", report.fixFor(report.drifts().get(0))))
                .startsWith("CREATE TABLE public.integrations (")
                .contains("FOREIGN KEY (user_id) REFERENCES public.\"user\" (id) ON DELETE CASCADE;");
    }
}
