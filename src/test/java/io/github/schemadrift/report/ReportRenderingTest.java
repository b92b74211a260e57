package io.github.schemadrift.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Source;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.model.ValueGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static final TableName TOKENS = TableName.of("public", "integration_tokens");
    private static final Column IS_ACTIVE = new Column("is_active", "boolean", false, "true", ValueGeneration.NONE,
            new Source("com.example.IntegrationToken", "active", "boolean"));
    private static final Drift MISSING = new Drift.MissingColumn(TOKENS, IS_ACTIVE);

    @Test
    void jsonHasTheContractShape() throws Exception {
        DriftReport report = DriftReport.of("entities IntegrationToken", "jdbc:postgresql://localhost/app", List.of(MISSING));

        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));

        assertThat(json.get("summary").toString()).isEqualTo("{\"errors\":1,\"warnings\":0,\"infos\":0}");
        JsonNode drift = json.get("drifts").get(0);
        assertThat(fieldNames(drift)).containsExactly(
                "kind", "severity", "schema", "table", "column", "expected", "actual", "source", "message", "fix");
        assertThat(drift.get("kind").asText()).isEqualTo("MISSING_COLUMN");
        assertThat(drift.get("severity").asText()).isEqualTo("ERROR");
        assertThat(drift.get("schema").asText()).isEqualTo("public");
        assertThat(drift.get("table").asText()).isEqualTo("integration_tokens");
        assertThat(drift.get("column").asText()).isEqualTo("is_active");
        assertThat(drift.get("expected").asText()).isEqualTo("boolean not null");
        assertThat(drift.get("actual").isNull()).isTrue();
        assertThat(drift.get("source").asText()).isEqualTo("com.example.IntegrationToken#active");
        assertThat(drift.get("message").asText()).contains("is_active");
        assertThat(drift.get("fix").isArray()).isTrue();
        assertThat(drift.get("fix")).isEmpty();
    }

    @Test
    void jsonEscapesEverythingAndKeepsFixes() throws Exception {
        TableName odd = TableName.of("public", "we\"ird\\name\n\t\u0001");
        Drift missingTable = new Drift.MissingTable(new Table(odd, List.of(), List.of(), List.of(), "com.example.Odd"));
        DriftReport report = DriftReport.of("m", "d", List.of(missingTable))
                .withFixes(Map.of(missingTable, List.of("CREATE TABLE \"we\"\"ird\" ();")));

        JsonNode drift = new ObjectMapper().readTree(JsonReport.render(report)).get("drifts").get(0);

        assertThat(drift.get("table").asText()).isEqualTo("we\"ird\\name\n\t\u0001");
        assertThat(drift.get("column").isNull()).isTrue();
        assertThat(drift.get("fix").get(0).asText()).isEqualTo("CREATE TABLE \"we\"\"ird\" ();");
    }

    @Test
    void emptyReportIsValidJson() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(DriftReport.of("m", "d", List.of())));

        assertThat(json.get("drifts")).isEmpty();
        assertThat(json.get("summary").get("errors").asInt()).isZero();
    }

    @Test
    void textGroupsByTableAndShowsFoundVersusExpected() {
        DriftReport report = DriftReport.of("entities IntegrationToken", "jdbc:postgresql://localhost/app", List.of(MISSING))
                .withFixes(Map.of(MISSING, List.of("ALTER TABLE integration_tokens ADD COLUMN is_active boolean DEFAULT true NOT NULL;")));

        assertThat(TextReport.render(report)).isEqualTo("""
                1 drift: 1 error, 0 warnings, 0 infos
                  model:    entities IntegrationToken
                  database: jdbc:postgresql://localhost/app

                public.integration_tokens
                  ERROR   MISSING_COLUMN       is_active
                      found:    nothing
                      expected: boolean not null
                      from:     com.example.IntegrationToken#active
                      why:      column public.integration_tokens.is_active does not exist; every query that reads or writes com.example.IntegrationToken#active fails
                      fix:      ALTER TABLE integration_tokens ADD COLUMN is_active boolean DEFAULT true NOT NULL;
                """);
    }

    @Test
    void textCapsLongReports() {
        List<Drift> drifts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            drifts.add(new Drift.UnmappedColumn(TOKENS, new Column("c" + i, "text", true, null, ValueGeneration.NONE, null),
                    io.github.schemadrift.model.Severity.INFO));
        }
        String text = TextReport.render(DriftReport.of("m", "d", drifts), 5);

        assertThat(text).startsWith("7 drifts: 0 errors, 0 warnings, 7 infos\n").contains("c4").doesNotContain("c5").endsWith("\n… 2 more\n");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
