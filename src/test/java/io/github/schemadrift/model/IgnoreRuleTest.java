package io.github.schemadrift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRuleTest {

    private static final TableName USERS = TableName.of("public", "users");
    private static final Drift LEGACY = new Drift.UnmappedColumn(USERS,
            new Column("legacy_flag", "text", true, null, ValueGeneration.NONE, null), Severity.INFO);
    private static final Drift EMAIL = new Drift.MissingColumn(USERS,
            new Column("email", "varchar(255)", false, null, ValueGeneration.NONE, new Source("com.example.User", "email", "java.lang.String")));
    private static final Drift AUDIT = new Drift.MissingTable(
            new Table(TableName.of("audit", "audit_log"), List.of(), List.of(), List.of(), "com.example.AuditEntry"));

    @Test
    void globsMatchWholeNamesWithStarAndQuestionMarkAndNothingElseIsSpecial() {
        assertThat(new NamePattern("audit_*").matches("audit_log")).isTrue();
        assertThat(new NamePattern("audit_*").matches("my_audit_log")).isFalse();
        assertThat(new NamePattern("t?").matches("t1")).isTrue();
        assertThat(new NamePattern("t?").matches("t12")).isFalse();
        assertThat(new NamePattern("*.id").matches("public.users.id")).isTrue();
        // regex characters stand for themselves
        assertThat(new NamePattern("a.b").matches("axb")).isFalse();
        assertThat(new NamePattern("price$(eur)+").matches("price$(eur)+")).isTrue();
        assertThat(new NamePattern("\\Q*").matches("\\Qx")).isTrue();
        assertThat(new NamePattern("Users").matches("users")).isFalse();
        assertThat(new NamePattern("*").matches("line\nbreak")).isTrue();
        assertThatThrownBy(() -> new NamePattern(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tablePatternsMatchQualifiedOrBareNames() {
        assertThat(IgnoreRule.tables("audit_*").ignores(AUDIT)).isTrue();
        assertThat(IgnoreRule.tables("audit.*").ignores(AUDIT)).isTrue();
        assertThat(IgnoreRule.tables("public.*").ignores(AUDIT)).isFalse();
        assertThat(IgnoreRule.tables("users").ignores(LEGACY)).isTrue();
    }

    @Test
    void columnPatternsMatchSchemaTableColumnOrTableColumnOrBareAndNeverTableLevelDrift() {
        assertThat(IgnoreRule.columns("*.legacy_*").ignores(LEGACY)).isTrue();
        assertThat(IgnoreRule.columns("public.users.legacy_flag").ignores(LEGACY)).isTrue();
        assertThat(IgnoreRule.columns("users.legacy_*").ignores(LEGACY)).isTrue();
        assertThat(IgnoreRule.columns("legacy_*").ignores(LEGACY)).isTrue();
        assertThat(IgnoreRule.columns("orders.legacy_*").ignores(LEGACY)).isFalse();
        assertThat(IgnoreRule.columns("*").ignores(AUDIT)).isFalse();
    }

    @Test
    void kindsNarrowARule() {
        IgnoreRule rule = IgnoreRule.tables("users").withKinds(DriftKind.UNMAPPED_COLUMN);

        assertThat(rule.ignores(LEGACY)).isTrue();
        assertThat(rule.ignores(EMAIL)).isFalse();
        assertThat(rule.describe()).isEqualTo("tables users of kinds UNMAPPED_COLUMN");
        assertThat(IgnoreRule.kinds(DriftKind.UNMAPPED_COLUMN, DriftKind.MISSING_TABLE).describe())
                .isEqualTo("kinds MISSING_TABLE, UNMAPPED_COLUMN");
        assertThatThrownBy(() -> new IgnoreRule(null, null, java.util.Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilterDropsIgnoredDriftsAndTheirFixesAndKeepsTheRest() {
        DriftReport report = DriftReport.of("m", "d", List.of(LEGACY, EMAIL, AUDIT))
                .withFixes(java.util.Map.of(EMAIL, List.of("ALTER TABLE users ADD COLUMN email varchar(255);"),
                        AUDIT, List.of("CREATE TABLE audit.audit_log ();")));

        DriftReport filtered = DriftFilter.NONE.and(IgnoreRule.tables("audit_*"), IgnoreRule.kinds(DriftKind.UNMAPPED_COLUMN))
                .apply(report);

        assertThat(filtered.drifts()).containsExactly(EMAIL);
        assertThat(filtered.fixes()).containsOnlyKeys(EMAIL);
        assertThat(filtered.model()).isEqualTo("m");
        assertThat(DriftFilter.NONE.apply(report)).isSameAs(report);
    }

    @org.junit.jupiter.api.Test
    void aKindNamedTwiceIsOneKind() {
        org.assertj.core.api.Assertions.assertThat(IgnoreRule.kinds(DriftKind.UNMAPPED_COLUMN, DriftKind.UNMAPPED_COLUMN))
                .isEqualTo(IgnoreRule.kinds(DriftKind.UNMAPPED_COLUMN));
    }
}
