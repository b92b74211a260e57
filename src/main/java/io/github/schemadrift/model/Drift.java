package io.github.schemadrift.model;

import java.util.Comparator;

/**
 * One difference between the model and the database. The set of kinds is closed: each is a record below,
 * and {@link #kind()} names it for reports.
 */
public sealed interface Drift
        permits Drift.MissingTable,
                Drift.MissingColumn,
                Drift.NullabilityMismatch,
                Drift.TypeMismatch,
                Drift.SizeMismatch,
                Drift.UnmappedColumn {

    /** Report order: by table, then column (table-level drift first), then kind. */
    Comparator<Drift> ORDER = Comparator.comparing(Drift::table)
            .thenComparing(Drift::column, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Drift::kind);

    /** @return the kind, as named in reports */
    DriftKind kind();

    /** @return what this drift means at run time */
    Severity severity();

    /** @return the table the drift is in */
    TableName table();

    /** @return the column, or {@code null} for a table-level drift */
    String column();

    /** @return what the model expects, e.g. {@code boolean not null}; {@code null} when it expects nothing */
    String expected();

    /** @return what the database has, e.g. {@code boolean}; {@code null} when it has nothing */
    String actual();

    /** @return the {@code Entity#attribute} (or entity) behind the expectation; {@code null} for unmapped columns */
    String source();

    /** @return one line saying what is wrong and what it means */
    String message();

    /**
     * A mapped table does not exist. Always an {@link Severity#ERROR}.
     *
     * @param expectedTable the table the model maps
     */
    record MissingTable(Table expectedTable) implements Drift {
        @Override public DriftKind kind() { return DriftKind.MISSING_TABLE; }
        @Override public Severity severity() { return Severity.ERROR; }
        @Override public TableName table() { return expectedTable.name(); }
        @Override public String column() { return null; }
        @Override public String expected() { return "table"; }
        @Override public String actual() { return null; }
        @Override public String source() { return expectedTable.source(); }
        @Override public String message() {
            return "table " + table() + " does not exist; every query on " + source() + " fails";
        }
    }

    /**
     * A mapped column does not exist. Always an {@link Severity#ERROR}.
     *
     * @param table the table
     * @param expectedColumn the column the model maps
     */
    record MissingColumn(TableName table, Column expectedColumn) implements Drift {
        @Override public DriftKind kind() { return DriftKind.MISSING_COLUMN; }
        @Override public Severity severity() { return Severity.ERROR; }
        @Override public String column() { return expectedColumn.name(); }
        @Override public String expected() { return expectedColumn.describe(); }
        @Override public String actual() { return null; }
        @Override public String source() { return sourceOf(expectedColumn); }
        @Override public String message() {
            return "column " + table + "." + column() + " does not exist; every query that reads or writes " + source() + " fails";
        }
    }

    /**
     * The column's nullability differs from the model's.
     *
     * @param table the table
     * @param expectedColumn the column the model maps
     * @param actualColumn the column in the database
     * @param severity {@code ERROR} when the database rejects nulls the model may write, or a primitive
     *     attribute may read a null; otherwise {@code WARNING}
     */
    record NullabilityMismatch(TableName table, Column expectedColumn, Column actualColumn, Severity severity)
            implements Drift {
        @Override public DriftKind kind() { return DriftKind.NULLABILITY_MISMATCH; }
        @Override public String column() { return expectedColumn.name(); }
        @Override public String expected() { return expectedColumn.describe(); }
        @Override public String actual() { return actualColumn.describe(); }
        @Override public String source() { return sourceOf(expectedColumn); }
        @Override public String message() {
            if (!actualColumn.nullable()) {
                return "column " + table + "." + column() + " is NOT NULL but " + source()
                        + " may be null; inserting or updating such a row fails";
            }
            return severity == Severity.ERROR
                    ? "column " + table + "." + column() + " accepts null but " + source()
                            + " is a primitive; loading a row holding null fails"
                    : "column " + table + "." + column() + " accepts null but " + source()
                            + " is NOT NULL; the database no longer guarantees it";
        }
    }

    /**
     * The column's type differs from the model's.
     *
     * @param table the table
     * @param expectedColumn the column the model maps
     * @param actualColumn the column in the database
     * @param severity {@code ERROR} when incompatible or narrower; {@code INFO} when the database is wider
     */
    record TypeMismatch(TableName table, Column expectedColumn, Column actualColumn, Severity severity)
            implements Drift {
        @Override public DriftKind kind() { return DriftKind.TYPE_MISMATCH; }
        @Override public String column() { return expectedColumn.name(); }
        @Override public String expected() { return expectedColumn.describe(); }
        @Override public String actual() { return actualColumn.describe(); }
        @Override public String source() { return sourceOf(expectedColumn); }
        @Override public String message() {
            return severity == Severity.INFO
                    ? "column " + table + "." + column() + " is " + actualColumn.type() + ", wider than "
                            + expectedColumn.type() + " of " + source() + "; harmless"
                    : "column " + table + "." + column() + " is " + actualColumn.type() + " but " + source()
                            + " maps " + expectedColumn.type() + "; reads or writes fail or lose data";
        }
    }

    /**
     * Same type, different length, precision or scale.
     *
     * @param table the table
     * @param expectedColumn the column the model maps
     * @param actualColumn the column in the database
     * @param severity {@code ERROR} when the database is narrower (values the model accepts are rejected or
     *     rounded); {@code INFO} when wider
     */
    record SizeMismatch(TableName table, Column expectedColumn, Column actualColumn, Severity severity)
            implements Drift {
        @Override public DriftKind kind() { return DriftKind.SIZE_MISMATCH; }
        @Override public String column() { return expectedColumn.name(); }
        @Override public String expected() { return expectedColumn.describe(); }
        @Override public String actual() { return actualColumn.describe(); }
        @Override public String source() { return sourceOf(expectedColumn); }
        @Override public String message() {
            return severity == Severity.INFO
                    ? "column " + table + "." + column() + " is " + actualColumn.type() + ", wider than "
                            + expectedColumn.type() + " of " + source() + "; harmless"
                    : "column " + table + "." + column() + " is " + actualColumn.type() + ", narrower than "
                            + expectedColumn.type() + " of " + source() + "; values the model accepts are rejected";
        }
    }

    /**
     * The database has a column the model does not map.
     *
     * @param table the table
     * @param actualColumn the column in the database
     * @param severity {@code ERROR} when it is NOT NULL with no default and no generation (every insert by
     *     the application fails); otherwise {@code INFO}
     */
    record UnmappedColumn(TableName table, Column actualColumn, Severity severity) implements Drift {
        @Override public DriftKind kind() { return DriftKind.UNMAPPED_COLUMN; }
        @Override public String column() { return actualColumn.name(); }
        @Override public String expected() { return null; }
        @Override public String actual() { return actualColumn.describe(); }
        @Override public String source() { return null; }
        @Override public String message() {
            return severity == Severity.ERROR
                    ? "column " + table + "." + column() + " is NOT NULL with no default and no entity maps it; every insert fails"
                    : "column " + table + "." + column() + " is not mapped by any entity; harmless";
        }
    }

    private static String sourceOf(Column column) {
        return column.source() == null ? null : column.source().toString();
    }
}
