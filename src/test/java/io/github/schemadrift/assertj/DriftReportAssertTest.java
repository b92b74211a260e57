package io.github.schemadrift.assertj;

import static io.github.schemadrift.assertj.SchemaDriftAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.IgnoreRule;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.Source;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.model.ValueGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Each assertion on hand-built reports, with whole failure messages pinned. */
class DriftReportAssertTest {

    private static final String MODEL = "Hibernate model of classes [com.example.IntegrationToken]";
    private static final String DATABASE = "jdbc:postgresql://localhost:5432/app";
    private static final TableName TOKENS = TableName.of("public", "integration_tokens");
    private static final TableName AUDIT = TableName.of("public", "audit_log");

    private static final Drift MISSING_IS_ACTIVE = new Drift.MissingColumn(TOKENS,
            column("is_active", "boolean", false, new Source("com.example.IntegrationToken", "active", "boolean")));
    private static final Drift NULLABLE_UPDATED_DATE = new Drift.NullabilityMismatch(TOKENS,
            column("updated_date", "timestamp(6)", false,
                    new Source("com.example.IntegrationToken", "updatedDate", "java.time.LocalDateTime")),
            column("updated_date", "timestamp(6)", true, null), Severity.WARNING);
    private static final Drift UNMAPPED_LEGACY = new Drift.UnmappedColumn(TOKENS,
            column("legacy_flag", "text", true, null), Severity.INFO);
    private static final Drift MISSING_AUDIT = new Drift.MissingTable(
            new Table(AUDIT, List.of(), List.of(), List.of(), "com.example.AuditEntry"));

    private static final DriftReport CLEAN = DriftReport.of(MODEL, DATABASE, List.of());
    private static final DriftReport SEED_000 = DriftReport.of(MODEL, DATABASE, List.of(NULLABLE_UPDATED_DATE, MISSING_IS_ACTIVE));
    private static final DriftReport MIXED = DriftReport.of(MODEL, DATABASE,
            List.of(MISSING_IS_ACTIVE, NULLABLE_UPDATED_DATE, UNMAPPED_LEGACY, MISSING_AUDIT));

    @Test
    void hasNoDriftPassesOnACleanReport() {
        assertThatCode(() -> assertThat(CLEAN).hasNoDrift().hasNoErrors().hasNoDriftAtOrAbove(Severity.INFO))
                .doesNotThrowAnyException();
    }

    @Test
    void hasNoDriftFailsListingEveryDriftByTableWithWhatWasCompared() {
        assertThatThrownBy(() -> assertThat(SEED_000).hasNoDrift())
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting no drift between the model and the database, but found 2:

                        2 drifts: 1 error, 1 warning, 0 infos
                          model:    Hibernate model of classes [com.example.IntegrationToken]
                          database: jdbc:postgresql://localhost:5432/app

                        public.integration_tokens
                          ERROR   MISSING_COLUMN       is_active
                              found:    nothing
                              expected: boolean not null
                              from:     com.example.IntegrationToken#active
                              why:      column public.integration_tokens.is_active does not exist; every query that reads or writes com.example.IntegrationToken#active fails
                          WARNING NULLABILITY_MISMATCH updated_date
                              found:    timestamp(6)
                              expected: timestamp(6) not null
                              from:     com.example.IntegrationToken#updatedDate
                              why:      column public.integration_tokens.updated_date accepts null but com.example.IntegrationToken#updatedDate is NOT NULL; the database no longer guarantees it""");
    }

    @Test
    void theFixIsShownWhenTheReportHasOne() {
        DriftReport withFix = SEED_000.withFixes(Map.of(MISSING_IS_ACTIVE,
                List.of("ALTER TABLE public.integration_tokens ADD COLUMN is_active boolean DEFAULT true NOT NULL;")));

        assertThatThrownBy(() -> assertThat(withFix).hasNoErrors())
                .hasMessage("""
                        Expecting no drift at ERROR between the model and the database, but found 1 (of 2 in all):

                        1 drift: 1 error, 0 warnings, 0 infos
                          model:    Hibernate model of classes [com.example.IntegrationToken]
                          database: jdbc:postgresql://localhost:5432/app

                        public.integration_tokens
                          ERROR   MISSING_COLUMN       is_active
                              found:    nothing
                              expected: boolean not null
                              from:     com.example.IntegrationToken#active
                              why:      column public.integration_tokens.is_active does not exist; every query that reads or writes com.example.IntegrationToken#active fails
                              fix:      ALTER TABLE public.integration_tokens ADD COLUMN is_active boolean DEFAULT true NOT NULL;""");
    }

    @Test
    void hasNoErrorsListsOnlyTheErrors() {
        assertThatThrownBy(() -> assertThat(MIXED).hasNoErrors())
                .hasMessage("""
                        Expecting no drift at ERROR between the model and the database, but found 2 (of 4 in all):

                        2 drifts: 2 errors, 0 warnings, 0 infos
                          model:    Hibernate model of classes [com.example.IntegrationToken]
                          database: jdbc:postgresql://localhost:5432/app

                        public.audit_log
                          ERROR   MISSING_TABLE        (table)
                              found:    nothing
                              expected: table
                              from:     com.example.AuditEntry
                              why:      table public.audit_log does not exist; every query on com.example.AuditEntry fails

                        public.integration_tokens
                          ERROR   MISSING_COLUMN       is_active
                              found:    nothing
                              expected: boolean not null
                              from:     com.example.IntegrationToken#active
                              why:      column public.integration_tokens.is_active does not exist; every query that reads or writes com.example.IntegrationToken#active fails""");
    }

    @Test
    void hasNoErrorsPassesWithWarningsAndInfos() {
        DriftReport lesser = DriftReport.of(MODEL, DATABASE, List.of(NULLABLE_UPDATED_DATE, UNMAPPED_LEGACY));

        assertThatCode(() -> assertThat(lesser).hasNoErrors().hasNoDriftAtOrAbove(Severity.ERROR)).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(lesser).hasNoDriftAtOrAbove(Severity.WARNING))
                .hasMessageStartingWith("Expecting no drift at WARNING or above between the model and the database,"
                        + " but found 1 (of 2 in all):\n\n1 drift: 0 errors, 1 warning, 0 infos\n")
                .hasMessageContaining("NULLABILITY_MISMATCH updated_date")
                .hasMessageNotContaining("legacy_flag");
        assertThatThrownBy(() -> assertThat(lesser).hasNoDriftAtOrAbove(Severity.INFO))
                .hasMessageStartingWith("Expecting no drift at INFO or above between the model and the database,"
                        + " but found 2:\n");
    }

    @Test
    void hasDriftFindsByQualifiedOrBareTableAndNullColumnForTableLevel() {
        assertThatCode(() -> assertThat(MIXED)
                        .hasDrift(DriftKind.MISSING_COLUMN, "public.integration_tokens", "is_active")
                        .hasDrift(DriftKind.MISSING_COLUMN, "integration_tokens", "is_active")
                        .hasDrift(DriftKind.MISSING_TABLE, "audit_log", null)
                        .hasDrift(DriftKind.UNMAPPED_COLUMN, "integration_tokens", "legacy_flag"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(MIXED).hasDrift(DriftKind.MISSING_COLUMN, "other.integration_tokens", "is_active"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(MIXED).hasDrift(DriftKind.MISSING_TABLE, "integration_tokens", null))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void hasDriftFailsWithExpectedAndActualForTheDiff() {
        AssertionFailedError error = catchFailure(() -> assertThat(SEED_000).hasDrift(DriftKind.MISSING_COLUMN, "users", "email"));

        assertThat(error.getExpected().getStringRepresentation()).isEqualTo("MISSING_COLUMN users.email");
        assertThat(error.getActual().getStringRepresentation()).isEqualTo("""
                MISSING_COLUMN public.integration_tokens.is_active
                NULLABILITY_MISMATCH public.integration_tokens.updated_date""");
        assertThat(error).hasMessage("""
                Expecting drift MISSING_COLUMN users.email, but there is none among:

                2 drifts: 1 error, 1 warning, 0 infos
                  model:    Hibernate model of classes [com.example.IntegrationToken]
                  database: jdbc:postgresql://localhost:5432/app

                public.integration_tokens
                  ERROR   MISSING_COLUMN       is_active
                      found:    nothing
                      expected: boolean not null
                      from:     com.example.IntegrationToken#active
                      why:      column public.integration_tokens.is_active does not exist; every query that reads or writes com.example.IntegrationToken#active fails
                  WARNING NULLABILITY_MISMATCH updated_date
                      found:    timestamp(6)
                      expected: timestamp(6) not null
                      from:     com.example.IntegrationToken#updatedDate
                      why:      column public.integration_tokens.updated_date accepts null but com.example.IntegrationToken#updatedDate is NOT NULL; the database no longer guarantees it""");
    }

    @Test
    void hasDriftOnACleanReportSaysThereIsNoDrift() {
        assertThatThrownBy(() -> assertThat(CLEAN).hasDrift(DriftKind.MISSING_TABLE, "public.audit_log", null))
                .hasMessage("""
                        Expecting drift MISSING_TABLE public.audit_log (table), but there is none among:

                        no drift
                          model:    Hibernate model of classes [com.example.IntegrationToken]
                          database: jdbc:postgresql://localhost:5432/app""");
    }

    @Test
    void containsOnlyKindsNeedsExactlyTheseKinds() {
        assertThatCode(() -> assertThat(SEED_000).containsOnlyKinds(DriftKind.NULLABILITY_MISMATCH, DriftKind.MISSING_COLUMN))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(SEED_000).containsOnlyKinds(DriftKind.MISSING_COLUMN))
                .hasMessageContaining("found other kinds: [NULLABILITY_MISMATCH]")
                .hasMessageNotContaining("found no drift of");
        assertThatThrownBy(() -> assertThat(CLEAN).containsOnlyKinds(DriftKind.MISSING_COLUMN))
                .hasMessageContaining("found no drift of: [MISSING_COLUMN]");
        assertThatThrownBy(() -> assertThat(SEED_000).containsOnlyKinds())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containsOnlyKindsFailureNamesBothSidesAndListsTheReport() {
        DriftReport report = DriftReport.of(MODEL, DATABASE, List.of(MISSING_IS_ACTIVE, UNMAPPED_LEGACY));

        AssertionFailedError error = catchFailure(() -> assertThat(report)
                .containsOnlyKinds(DriftKind.UNMAPPED_COLUMN, DriftKind.TYPE_MISMATCH));

        assertThat(error.getExpected().getStringRepresentation()).isEqualTo("TYPE_MISMATCH\nUNMAPPED_COLUMN");
        assertThat(error.getActual().getStringRepresentation()).isEqualTo("MISSING_COLUMN\nUNMAPPED_COLUMN");
        assertThat(error).hasMessage("""
                Expecting only drift of kinds [TYPE_MISMATCH, UNMAPPED_COLUMN], but
                  found other kinds: [MISSING_COLUMN]
                  found no drift of: [TYPE_MISMATCH]

                2 drifts: 1 error, 0 warnings, 1 info
                  model:    Hibernate model of classes [com.example.IntegrationToken]
                  database: jdbc:postgresql://localhost:5432/app

                public.integration_tokens
                  ERROR   MISSING_COLUMN       is_active
                      found:    nothing
                      expected: boolean not null
                      from:     com.example.IntegrationToken#active
                      why:      column public.integration_tokens.is_active does not exist; every query that reads or writes com.example.IntegrationToken#active fails
                  INFO    UNMAPPED_COLUMN      legacy_flag
                      found:    text
                      expected: nothing (not mapped)
                      why:      column public.integration_tokens.legacy_flag is not mapped by any entity; harmless""");
    }

    @Test
    void ignoringReturnsANewAssertionOnTheFilteredReport() {
        DriftReportAssert all = assertThat(MIXED);

        DriftReportAssert filtered = all.ignoringTables("audit_*").ignoringColumns("*.legacy_*");

        assertThat(filtered).isNotSameAs(all);
        assertThatCode(filtered::hasNoDrift).isInstanceOf(AssertionError.class);
        assertThatCode(() -> filtered.containsOnlyKinds(DriftKind.MISSING_COLUMN, DriftKind.NULLABILITY_MISMATCH))
                .doesNotThrowAnyException();
        // the original assertion still sees all four
        assertThatCode(() -> all.containsOnlyKinds(DriftKind.MISSING_COLUMN, DriftKind.NULLABILITY_MISMATCH,
                DriftKind.UNMAPPED_COLUMN, DriftKind.MISSING_TABLE)).doesNotThrowAnyException();
        assertThatCode(() -> filtered.ignoringKinds(DriftKind.MISSING_COLUMN, DriftKind.NULLABILITY_MISMATCH).hasNoDrift())
                .doesNotThrowAnyException();
    }

    @Test
    void aFailureAfterIgnoringNamesTheRulesAndHowManyTheyIgnored() {
        assertThatThrownBy(() -> assertThat(MIXED)
                        .ignoringTables("audit_*")
                        .ignoring(IgnoreRule.columns("integration_tokens.legacy_*").withKinds(DriftKind.UNMAPPED_COLUMN))
                        .ignoringKinds(DriftKind.NULLABILITY_MISMATCH)
                        .hasNoDrift())
                .hasMessageStartingWith("Expecting no drift between the model and the database (ignoring tables audit_*,"
                        + " columns integration_tokens.legacy_* of kinds UNMAPPED_COLUMN, kinds NULLABILITY_MISMATCH:"
                        + " 3 drifts ignored), but found 1:\n\n1 drift: 1 error, 0 warnings, 0 infos\n");
    }

    @Test
    void aDescriptionGivenWithAsPrefixesTheMessageAndSurvivesIgnoring() {
        assertThatThrownBy(() -> assertThat(SEED_000).as("staging").ignoringKinds(DriftKind.UNMAPPED_COLUMN).hasNoDrift())
                .hasMessageStartingWith("[staging] Expecting no drift");
    }

    @Test
    void longFailuresAreCapped() {
        List<Drift> drifts = new ArrayList<>();
        for (int i = 0; i < DriftReportAssert.MESSAGE_LIMIT + 3; i++) {
            drifts.add(new Drift.UnmappedColumn(TOKENS, column(String.format("c%02d", i), "text", true, null), Severity.INFO));
        }

        assertThatThrownBy(() -> assertThat(DriftReport.of(MODEL, DATABASE, drifts)).hasNoDrift())
                .hasMessageContaining("c24")
                .hasMessageNotContaining("c25")
                .hasMessageEndingWith("\n… 3 more");
    }

    @Test
    void percentSignsInNamesAreNotFormatDirectives() {
        Drift odd = new Drift.UnmappedColumn(TOKENS, column("rate_%d_%s", "text", true, null), Severity.INFO);

        assertThatThrownBy(() -> assertThat(DriftReport.of(MODEL, DATABASE, List.of(odd))).hasNoDrift())
                .hasMessageContaining("rate_%d_%s");
    }

    @Test
    void aNullReportFailsAsAssertJDoes() {
        assertThatThrownBy(() -> assertThat((DriftReport) null).hasNoDrift())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

    private static AssertionFailedError catchFailure(Runnable assertion) {
        try {
            assertion.run();
        } catch (AssertionFailedError e) {
            return e;
        }
        throw new AssertionError("expected an AssertionFailedError");
    }

    private static Column column(String name, String type, boolean nullable, Source source) {
        return new Column(name, type, nullable, null, ValueGeneration.NONE, source);
    }
}
