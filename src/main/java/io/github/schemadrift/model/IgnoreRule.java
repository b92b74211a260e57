package io.github.schemadrift.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drift to leave out of a check: every drift whose table, column and kind all match. A missing part
 * matches anything.
 *
 * <p>A table pattern is matched against {@code schema.table} and against the bare table name, so both
 * {@code audit_*} and {@code public.audit_*} work. A column pattern is matched against
 * {@code schema.table.column}, {@code table.column} and the bare column name, so {@code *.legacy_*},
 * {@code users.legacy_*} and {@code legacy_*} all work; it never matches a table-level drift. See
 * {@link NamePattern} for the pattern syntax.
 *
 * <pre>{@code
 * IgnoreRule.tables("audit_*")
 * IgnoreRule.columns("users.legacy_*").withKinds(DriftKind.UNMAPPED_COLUMN)
 * IgnoreRule.kinds(DriftKind.UNMAPPED_COLUMN)
 * }</pre>
 *
 * @param tables the tables, or {@code null} for any table
 * @param columns the columns, or {@code null} for any column and table-level drift alike
 * @param kinds the kinds, empty for any kind
 */
public record IgnoreRule(NamePattern tables, NamePattern columns, Set<DriftKind> kinds) {

    /** Copies the kinds and refuses a rule that would ignore every drift. */
    public IgnoreRule {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        if (tables == null && columns == null && kinds.isEmpty()) {
            throw new IllegalArgumentException("an ignore rule needs a table pattern, a column pattern or a kind;"
                    + " one with none would ignore every drift");
        }
    }

    /**
     * Ignores drift in tables matching a pattern.
     *
     * @param glob e.g. {@code audit_*} or {@code public.flyway_schema_history}
     * @return the rule
     */
    public static IgnoreRule tables(String glob) {
        return new IgnoreRule(new NamePattern(glob), null, Set.of());
    }

    /**
     * Ignores drift in columns matching a pattern; never table-level drift.
     *
     * @param glob e.g. {@code *.legacy_*}, {@code users.legacy_*} or {@code legacy_*}
     * @return the rule
     */
    public static IgnoreRule columns(String glob) {
        return new IgnoreRule(null, new NamePattern(glob), Set.of());
    }

    /**
     * Ignores drift of some kinds, wherever it is.
     *
     * @param ignoredKinds the kinds, at least one
     * @return the rule
     */
    public static IgnoreRule kinds(DriftKind... ignoredKinds) {
        if (ignoredKinds.length == 0) {
            throw new IllegalArgumentException("name at least one kind to ignore");
        }
        return new IgnoreRule(null, null, Set.copyOf(java.util.Arrays.asList(ignoredKinds)));
    }

    /**
     * This rule, narrowed to some kinds.
     *
     * @param narrowedTo the kinds, at least one
     * @return a new rule
     */
    public IgnoreRule withKinds(DriftKind... narrowedTo) {
        if (narrowedTo.length == 0) {
            throw new IllegalArgumentException("name at least one kind");
        }
        return new IgnoreRule(tables, columns, Set.copyOf(java.util.Arrays.asList(narrowedTo)));
    }

    /**
     * This rule as a test on drifts, its patterns compiled once.
     *
     * @return true for each drift this rule ignores
     */
    public Predicate<Drift> toPredicate() {
        Pattern table = tables == null ? null : tables.toRegex();
        Pattern column = columns == null ? null : columns.toRegex();
        return drift -> (kinds.isEmpty() || kinds.contains(drift.kind()))
                && (table == null || matchesTable(table, drift.table()))
                && (column == null || drift.column() != null && matchesColumn(column, drift.table(), drift.column()));
    }

    /**
     * Whether this rule ignores a drift.
     *
     * @param drift the drift
     * @return true when table, column and kind all match
     */
    public boolean ignores(Drift drift) {
        return toPredicate().test(drift);
    }

    /**
     * The rule for messages, e.g. {@code columns users.legacy_* of kinds UNMAPPED_COLUMN}.
     *
     * @return the description
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (tables != null) {
            parts.add("tables " + tables);
        }
        if (columns != null) {
            parts.add("columns " + columns);
        }
        if (!kinds.isEmpty()) {
            String names = kinds.stream().sorted().map(DriftKind::name).collect(Collectors.joining(", "));
            parts.add(parts.isEmpty() ? "kinds " + names : "of kinds " + names);
        }
        return String.join(" ", parts);
    }

    private static boolean matchesTable(Pattern pattern, TableName table) {
        return pattern.matcher(table.toString()).matches() || pattern.matcher(table.name()).matches();
    }

    private static boolean matchesColumn(Pattern pattern, TableName table, String column) {
        return pattern.matcher(table + "." + column).matches()
                || pattern.matcher(table.name() + "." + column).matches()
                || pattern.matcher(column).matches();
    }
}
