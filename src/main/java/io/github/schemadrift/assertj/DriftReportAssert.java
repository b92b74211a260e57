package io.github.schemadrift.assertj;

import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftFilter;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.IgnoreRule;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.report.TextReport;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link DriftReport}. A failure says what was compared (the model and the
 * database, without credentials) and lists the offending drifts grouped by table, each with what the
 * database has against what the model expects, the {@code Entity#attribute} behind it, and its fix SQL
 * when the report has one; at most {@link #MESSAGE_LIMIT} drifts, then "… N more".
 *
 * <p>The {@code ignoring…} methods return a new assertion on the report without the ignored drifts; this
 * one is unchanged.
 */
public final class DriftReportAssert extends AbstractAssert<DriftReportAssert, DriftReport> {

    /** How many drifts a failure message lists before "… N more". */
    public static final int MESSAGE_LIMIT = 25;

    private final DriftReport unfiltered;
    private final DriftFilter filter;

    /**
     * Assertions on a report; prefer {@link SchemaDriftAssertions#assertThat(DriftReport)}.
     *
     * @param actual the report
     */
    public DriftReportAssert(DriftReport actual) {
        this(actual, DriftFilter.NONE);
    }

    private DriftReportAssert(DriftReport unfiltered, DriftFilter filter) {
        super(unfiltered == null ? null : filter.apply(unfiltered), DriftReportAssert.class);
        this.unfiltered = unfiltered;
        this.filter = filter;
    }

    /**
     * Verifies the database matches the model exactly: no drift of any severity.
     *
     * @return this assertion
     */
    public DriftReportAssert hasNoDrift() {
        isNotNull();
        if (!actual.isEmpty()) {
            failWithMessage("%s", "Expecting no drift between the model and the database" + ignoring()
                    + ", but found " + actual.drifts().size() + ":\n\n" + render(actual));
        }
        return myself;
    }

    /**
     * Verifies there is no {@link Severity#ERROR}: nothing that makes the application fail or lose data.
     *
     * @return this assertion
     */
    public DriftReportAssert hasNoErrors() {
        return hasNoDriftAtOrAbove(Severity.ERROR);
    }

    /**
     * Verifies there is no drift at or above a severity; lesser drift passes.
     *
     * @param threshold the least severity that fails, e.g. {@link Severity#WARNING}
     * @return this assertion
     */
    public DriftReportAssert hasNoDriftAtOrAbove(Severity threshold) {
        Objects.requireNonNull(threshold, "threshold");
        isNotNull();
        List<Drift> offending = actual.drifts(d -> d.severity().isAtLeast(threshold));
        if (!offending.isEmpty()) {
            String level = threshold == Severity.ERROR ? "at ERROR" : "at " + threshold + " or above";
            String ofAll = offending.size() == actual.drifts().size() ? "" : " (of " + actual.drifts().size() + " in all)";
            DriftReport shown = new DriftReport(actual.model(), actual.database(), offending, actual.fixes());
            failWithMessage("%s", "Expecting no drift " + level + " between the model and the database" + ignoring()
                    + ", but found " + offending.size() + ofAll + ":\n\n" + render(shown));
        }
        return myself;
    }

    /**
     * Verifies the report holds a drift of this kind at this place.
     *
     * @param kind the kind
     * @param table {@code schema.table}, or the bare table name to match it in any schema
     * @param column the column, or {@code null} for a table-level drift such as {@link DriftKind#MISSING_TABLE}
     * @return this assertion
     */
    public DriftReportAssert hasDrift(DriftKind kind, String table, String column) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        isNotNull();
        boolean found = actual.drifts().stream().anyMatch(d -> d.kind() == kind
                && (table.equals(d.table().toString()) || table.equals(d.table().name()))
                && Objects.equals(column, d.column()));
        if (!found) {
            String wanted = kind + " " + place(table, column);
            String present = actual.drifts().stream()
                    .map(d -> d.kind() + " " + place(d.table().toString(), d.column()))
                    .collect(Collectors.joining("\n"));
            failWithActualExpectedAndMessage(present, wanted, "%s", "Expecting drift " + wanted + ignoring()
                    + ", but there is none among:\n\n" + render(actual));
        }
        return myself;
    }

    /**
     * Verifies the report's drifts are of the given kinds and no others, and that each given kind occurs,
     * as AssertJ's {@code containsOnly} does for elements.
     *
     * @param kinds the kinds, at least one; use {@link #hasNoDrift()} for none
     * @return this assertion
     */
    public DriftReportAssert containsOnlyKinds(DriftKind... kinds) {
        if (kinds.length == 0) {
            throw new IllegalArgumentException("name at least one kind; use hasNoDrift() to expect no drift at all");
        }
        isNotNull();
        Set<DriftKind> expected = EnumSet.copyOf(Arrays.asList(kinds));
        Set<DriftKind> present = actual.drifts().stream()
                .map(Drift::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DriftKind.class)));
        Set<DriftKind> unexpected = EnumSet.noneOf(DriftKind.class);
        unexpected.addAll(present);
        unexpected.removeAll(expected);
        Set<DriftKind> missing = EnumSet.noneOf(DriftKind.class);
        missing.addAll(expected);
        missing.removeAll(present);
        if (!unexpected.isEmpty() || !missing.isEmpty()) {
            StringBuilder message = new StringBuilder("Expecting only drift of kinds ").append(expected)
                    .append(ignoring()).append(", but\n");
            if (!unexpected.isEmpty()) {
                message.append("  found other kinds: ").append(unexpected).append('\n');
            }
            if (!missing.isEmpty()) {
                message.append("  found no drift of: ").append(missing).append('\n');
            }
            message.append('\n').append(render(actual));
            failWithActualExpectedAndMessage(lines(present), lines(expected), "%s", message.toString());
        }
        return myself;
    }

    /**
     * A new assertion on this report without the drifts these rules ignore.
     *
     * @param rules the rules
     * @return the new assertion
     */
    public DriftReportAssert ignoring(IgnoreRule... rules) {
        DriftReportAssert filtered = new DriftReportAssert(unfiltered, filter.and(rules));
        // keep a description given with as(…), as AssertJ's own navigation does
        filtered.info.description(info.description());
        return filtered;
    }

    /**
     * A new assertion without drift in tables matching any of the patterns.
     *
     * @param globs e.g. {@code audit_*}, {@code public.flyway_schema_history}; see {@link IgnoreRule#tables(String)}
     * @return the new assertion
     */
    public DriftReportAssert ignoringTables(String... globs) {
        return ignoring(Arrays.stream(globs).map(IgnoreRule::tables).toArray(IgnoreRule[]::new));
    }

    /**
     * A new assertion without drift in columns matching any of the patterns.
     *
     * @param globs e.g. {@code *.legacy_*}, {@code users.legacy_*}; see {@link IgnoreRule#columns(String)}
     * @return the new assertion
     */
    public DriftReportAssert ignoringColumns(String... globs) {
        return ignoring(Arrays.stream(globs).map(IgnoreRule::columns).toArray(IgnoreRule[]::new));
    }

    /**
     * A new assertion without drift of these kinds.
     *
     * @param kinds e.g. {@link DriftKind#UNMAPPED_COLUMN}
     * @return the new assertion
     */
    public DriftReportAssert ignoringKinds(DriftKind... kinds) {
        return ignoring(IgnoreRule.kinds(kinds));
    }

    /** The filter's rules and how many drifts they removed, for the first line of a failure. */
    private String ignoring() {
        if (filter.rules().isEmpty()) {
            return "";
        }
        int ignored = unfiltered.drifts().size() - actual.drifts().size();
        return " (ignoring " + filter.describe() + ": " + ignored + (ignored == 1 ? " drift" : " drifts") + " ignored)";
    }

    private static String render(DriftReport report) {
        String text = TextReport.render(report, MESSAGE_LIMIT);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String place(String table, String column) {
        return column == null ? table + " (table)" : table + "." + column;
    }

    private static String lines(Set<DriftKind> kinds) {
        return kinds.stream().map(DriftKind::name).collect(Collectors.joining("\n"));
    }
}
