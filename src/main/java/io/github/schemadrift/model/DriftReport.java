package io.github.schemadrift.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Every difference between a model and a database, found at once, sorted by table, column and kind.
 *
 * @param model what the expected schema was read from, e.g. {@code 3 entities in com.example}
 * @param database the database compared, as a URL without credentials
 * @param drifts the differences, sorted by {@link Drift#ORDER}
 * @param fixes the SQL statements that repair each drift; a drift with no entry has no fix (yet)
 */
public record DriftReport(String model, String database, List<Drift> drifts, Map<Drift, List<String>> fixes) {

    /** Sorts the drifts and copies everything, so a report never changes. */
    public DriftReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(database, "database");
        drifts = drifts.stream().sorted(Drift.ORDER).toList();
        Map<Drift, List<String>> copy = new LinkedHashMap<>();
        fixes.forEach((drift, statements) -> copy.put(drift, List.copyOf(statements)));
        fixes = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * A report with no fixes filled in.
     *
     * @param model what the expected schema was read from
     * @param database the database compared, without credentials
     * @param drifts the differences
     * @return the report
     */
    public static DriftReport of(String model, String database, List<Drift> drifts) {
        return new DriftReport(model, database, drifts, Map.of());
    }

    /**
     * The statements that repair {@code drift}.
     *
     * @param drift one of this report's drifts
     * @return the statements, empty when there is no fix
     */
    public List<String> fixFor(Drift drift) {
        return fixes.getOrDefault(drift, List.of());
    }

    /**
     * This report with fixes filled in.
     *
     * @param newFixes the statements for each drift
     * @return a new report
     */
    public DriftReport withFixes(Map<Drift, List<String>> newFixes) {
        return new DriftReport(model, database, drifts, newFixes);
    }

    /**
     * The drifts of exactly this severity.
     *
     * @param severity the severity
     * @return the drifts, in report order
     */
    public List<Drift> drifts(Severity severity) {
        return drifts.stream().filter(d -> d.severity() == severity).toList();
    }

    /**
     * Drifts matching a condition.
     *
     * @param condition what to keep
     * @return the drifts, in report order
     */
    public List<Drift> drifts(Predicate<Drift> condition) {
        return drifts.stream().filter(condition).toList();
    }

    /**
     * The number of drifts of this severity.
     *
     * @param severity the severity
     * @return how many
     */
    public int count(Severity severity) {
        return drifts(severity).size();
    }

    /**
     * Whether any drift is at least as serious as {@code threshold}.
     *
     * @param threshold the least severity that counts
     * @return true when there is such a drift
     */
    public boolean hasDriftAtOrAbove(Severity threshold) {
        return drifts.stream().anyMatch(d -> d.severity().isAtLeast(threshold));
    }

    /** @return true when the model and the database match exactly */
    public boolean isEmpty() {
        return drifts.isEmpty();
    }
}
