package io.github.schemadrift.assertj;

import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.model.DriftReport;

/**
 * The entry point of schemadrift's AssertJ assertions; import its {@code assertThat} methods statically.
 *
 * <pre>{@code
 * import static io.github.schemadrift.assertj.SchemaDriftAssertions.assertThat;
 *
 * assertThat(SchemaDrift.of(entityManagerFactory, dataSource))
 *         .ignoringColumns("*.legacy_*")
 *         .hasNoDrift();
 * }</pre>
 *
 * AssertJ itself is an optional dependency of schemadrift: the project that uses these assertions brings it.
 */
public final class SchemaDriftAssertions {

    private SchemaDriftAssertions() {
    }

    /**
     * Assertions on a report.
     *
     * @param actual the report
     * @return the assertions
     */
    public static DriftReportAssert assertThat(DriftReport actual) {
        return new DriftReportAssert(actual);
    }

    /**
     * Runs a loaded check ({@link SchemaDrift#detect()}, which reads the database now, at each call) and
     * returns assertions on its report. A database that cannot be read throws
     * {@link io.github.schemadrift.SchemaDriftInputException}, never a passing assertion.
     *
     * @param check the loaded check
     * @return the assertions on the report it produced
     */
    public static DriftReportAssert assertThat(SchemaDrift check) {
        return new DriftReportAssert(check == null ? null : check.detect());
    }
}
