package io.github.schemadrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.model.ValueGeneration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words users type for the Maven goals and the command line alike. */
class FailOnAndSettingsTest {

    private static final DriftReport INFO_ONLY = DriftReport.of("model", "database", List.of(new Drift.UnmappedColumn(
            TableName.of("public", "users"), new Column("legacy", "text", true, null, ValueGeneration.NONE, null),
            Severity.INFO)));

    @Test
    void failOnReadsEveryWordInAnyCase() {
        assertThat(FailOn.parse("warning", "failOn")).isEqualTo(FailOn.WARNING);
        assertThat(FailOn.parse(" Error ", "failOn")).isEqualTo(FailOn.ERROR);
        assertThat(FailOn.parse("INFO", "failOn")).isEqualTo(FailOn.INFO);
        assertThat(FailOn.parse("never", "failOn").threshold()).isEmpty();
    }

    @Test
    void failOnDecidesByTheLeastSeverity() {
        assertThat(FailOn.INFO.fails(INFO_ONLY)).isTrue();
        assertThat(FailOn.WARNING.fails(INFO_ONLY)).isFalse();
        assertThat(FailOn.NEVER.fails(INFO_ONLY)).isFalse();
    }

    @Test
    void anUnknownFailOnNamesTheWords() {
        assertThatThrownBy(() -> FailOn.parse("sometimes", "failOn (schemadrift.failOn)"))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessage("Invalid value for failOn (schemadrift.failOn): expected one of [error, warning, info, never]"
                        + " but was 'sometimes'.");
    }

    @Test
    void settingsOnOneLineAreKeyValuePairs() {
        assertThat(HibernateSettings.parse("hibernate.default_schema=app, a.b = x=y ,", "-Dschemadrift.properties"))
                .containsExactly(Map.entry("hibernate.default_schema", "app"), Map.entry("a.b", "x=y"));
        assertThat(HibernateSettings.parse(null, "x")).isEmpty();
        assertThat(HibernateSettings.parse("flag=", "x")).containsExactly(Map.entry("flag", ""));
    }

    @Test
    void anEntryWithoutAKeyIsNamed() {
        assertThatThrownBy(() -> HibernateSettings.parse("a=b,oops", "schemadrift.properties"))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("The entry 'oops' of schemadrift.properties is not KEY=VALUE.");
    }
}
