package io.github.schemadrift.sql;

import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.ForeignKey;
import io.github.schemadrift.model.ReferentialAction;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.model.UniqueKey;
import io.github.schemadrift.model.ValueGeneration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the PostgreSQL statements that repair each {@link Severity#ERROR} and {@link Severity#WARNING}
 * drift of a report; {@link Severity#INFO} drift gets none. It only reads the report: comparing is
 * {@code diff.SchemaComparison}'s job, putting the statements in order {@link MigrationScript}'s.
 *
 * <p>Each fix is a list of entries; an entry is one statement ending in {@code ;}, possibly preceded by
 * {@code -- review:} comment lines, or only comments (a destructive alternative, a statement no safe default
 * exists for). Nothing destructive runs: {@code DROP COLUMN} appears only as a comment. What each drift
 * gets:
 *
 * <ul>
 *   <li>{@code MISSING_TABLE}: {@code CREATE TABLE} with the model's column types, {@code NOT NULL},
 *       defaults, identity, primary key and unique constraints, then one
 *       {@code ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY … ON DELETE …} per foreign key. The first entry is always the {@code CREATE TABLE}; the rest are its foreign keys, which
 *       {@link MigrationScript} runs after every table exists.</li>
 *   <li>{@code MISSING_COLUMN}: {@code ADD COLUMN}. A NOT NULL column gets the model's default; without
 *       one, existing rows get a placeholder default that is dropped right after (marked for review).</li>
 *   <li>{@code NULLABILITY_MISMATCH}: {@code DROP NOT NULL}, or a backfill of existing nulls (the model's
 *       default, else a placeholder, marked for review) and {@code SET NOT NULL}.</li>
 *   <li>{@code TYPE_MISMATCH}, {@code SIZE_MISMATCH}: {@code ALTER COLUMN … TYPE … USING …}.</li>
 *   <li>{@code UNMAPPED_COLUMN}: {@code DROP NOT NULL}, with {@code DROP COLUMN} as a commented alternative.</li>
 * </ul>
 *
 * {@code docs/fix-sql.md} describes the statements and their assumptions.
 */
public final class FixPlanner {

    /** Types that generate their own values (from a sequence default): adding IDENTITY to them is an error. */
    private static final Set<String> SERIALS = Set.of("smallserial", "serial", "bigserial", "serial2", "serial4", "serial8");

    private FixPlanner() {
    }

    /**
     * The report with a fix for every ERROR and WARNING drift, written with {@link FixOptions#defaults()}.
     *
     * @param report the report
     * @return the report with fixes filled in
     */
    public static DriftReport plan(DriftReport report) {
        return plan(report, FixOptions.defaults());
    }

    /**
     * The report with a fix for every ERROR and WARNING drift.
     *
     * @param report the report
     * @param options how to write the statements
     * @return the report with fixes filled in; drifts already fixed keep none of their old statements
     */
    public static DriftReport plan(DriftReport report, FixOptions options) {
        Map<Drift, List<String>> fixes = new LinkedHashMap<>();
        for (Drift drift : report.drifts()) {
            List<String> statements = fix(drift, options);
            if (!statements.isEmpty()) {
                fixes.put(drift, statements);
            }
        }
        return report.withFixes(fixes);
    }

    /**
     * The statements that repair one drift.
     *
     * @param drift the drift
     * @param options how to write the statements
     * @return the entries, empty for INFO drift
     */
    public static List<String> fix(Drift drift, FixOptions options) {
        if (drift.severity() == Severity.INFO) {
            return List.of();
        }
        if (drift instanceof Drift.MissingTable missing) {
            return createTable(missing.expectedTable());
        }
        if (drift instanceof Drift.MissingColumn missing) {
            return addColumn(missing.table(), missing.expectedColumn());
        }
        if (drift instanceof Drift.NullabilityMismatch mismatch) {
            return mismatch.actualColumn().nullable()
                    ? setNotNull(mismatch.table(), mismatch.expectedColumn(), options)
                    : List.of(alterColumn(mismatch.table(), mismatch.column()) + " DROP NOT NULL;");
        }
        if (drift instanceof Drift.TypeMismatch mismatch) {
            return new ColumnTypeChange(mismatch.table(), mismatch.expectedColumn(), mismatch.actualColumn()).statements();
        }
        if (drift instanceof Drift.SizeMismatch mismatch) {
            return new ColumnTypeChange(mismatch.table(), mismatch.expectedColumn(), mismatch.actualColumn()).statements();
        }
        Drift.UnmappedColumn unmapped = (Drift.UnmappedColumn) drift; // the last kind of the sealed interface
        return List.of(
                alterColumn(unmapped.table(), unmapped.column()) + " DROP NOT NULL;",
                SqlComment.line("alternative, if no code uses the column any more (destroys its data):") + "\n"
                        + SqlComment.line("ALTER TABLE " + PostgresIdentifiers.qualified(unmapped.table())
                                + " DROP COLUMN " + PostgresIdentifiers.quote(unmapped.column()) + ";"));
    }

    private static List<String> createTable(Table table) {
        StringBuilder create = new StringBuilder();
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Column column : table.columns()) {
            lines.add(PostgresIdentifiers.quote(column.name()) + " " + columnDefinition(column));
            if (column.generation() == ValueGeneration.COMPUTED) {
                notes.add(computedNote(column));
            }
        }
        if (!table.primaryKey().isEmpty()) {
            lines.add("PRIMARY KEY (" + names(table.primaryKey()) + ")");
        }
        for (UniqueKey key : table.uniqueKeys()) {
            lines.add(constraint(key.name()) + "UNIQUE (" + names(key.columns()) + ")");
        }
        notes.forEach(note -> create.append(SqlComment.line("review: " + note)).append('\n'));
        create.append("CREATE TABLE ").append(PostgresIdentifiers.qualified(table.name())).append(" (\n    ")
                .append(String.join(",\n    ", lines)).append("\n);");
        List<String> statements = new ArrayList<>();
        statements.add(create.toString());
        for (ForeignKey key : table.foreignKeys()) {
            statements.add(addForeignKey(table.name(), key));
        }
        return statements;
    }

    private static String addForeignKey(TableName table, ForeignKey key) {
        String referenced = key.referencedColumns().isEmpty() ? "" : " (" + names(key.referencedColumns()) + ")";
        return "ALTER TABLE " + PostgresIdentifiers.qualified(table) + " ADD " + constraint(key.name()) + "FOREIGN KEY ("
                + names(key.columns()) + ") REFERENCES " + PostgresIdentifiers.qualified(key.referencedTable()) + referenced
                + onDelete(key.onDelete()) + ";";
    }

    /** {@code CONSTRAINT name } before a constraint the model names; nothing, so PostgreSQL names it, otherwise. */
    private static String constraint(String name) {
        return name == null ? "" : "CONSTRAINT " + PostgresIdentifiers.quote(name) + " ";
    }

    /** Nothing for NO ACTION, PostgreSQL's default, so a plain foreign key reads as it always did. */
    private static String onDelete(ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> "";
            case CASCADE -> " ON DELETE CASCADE";
            case SET_NULL -> " ON DELETE SET NULL";
            case SET_DEFAULT -> " ON DELETE SET DEFAULT";
            case RESTRICT -> " ON DELETE RESTRICT";
        };
    }

    /** Type, default or identity, and NOT NULL, as the model declares them. */
    private static String columnDefinition(Column column) {
        StringBuilder definition = new StringBuilder(column.type());
        if (column.generation() == ValueGeneration.IDENTITY && !SERIALS.contains(column.type().trim().toLowerCase(Locale.ROOT))) {
            definition.append(" GENERATED BY DEFAULT AS IDENTITY");
        } else if (column.defaultValue() != null) {
            definition.append(" DEFAULT ").append(column.defaultValue());
        }
        if (!column.nullable()) {
            definition.append(" NOT NULL");
        }
        return definition.toString();
    }

    private static List<String> addColumn(TableName table, Column column) {
        String add = "ALTER TABLE " + PostgresIdentifiers.qualified(table) + " ADD COLUMN " + PostgresIdentifiers.quote(column.name()) + " ";
        if (column.generation() == ValueGeneration.COMPUTED) {
            return List.of(SqlComment.line("review: " + computedNote(column)) + "\n" + add + columnDefinition(column) + ";");
        }
        if (column.fillsItself()) {
            // nullable, or filled by the model's default or identity: existing rows get that
            return List.of(add + columnDefinition(column) + ";");
        }
        String placeholder = TypeFamily.of(PostgresType.parse(column.type())).placeholder();
        if (placeholder == null) {
            return List.of(SqlComment.line("review: existing rows need a value, and no placeholder is known for "
                    + column.type() + "; this fails if the table holds rows. Add a DEFAULT that suits them") + "\n"
                    + add + column.type() + " NOT NULL;");
        }
        // A default on ADD COLUMN fills existing rows in the catalog alone (PostgreSQL 11+, unless volatile):
        // no UPDATE rewriting every row, no scan for NOT NULL. Dropping it leaves the column as the model has it.
        return List.of(
                SqlComment.line("review: existing rows get the placeholder " + placeholder
                        + " (the model has no default); replace it with real values") + "\n"
                        + add + column.type() + " DEFAULT " + placeholder + " NOT NULL;",
                alterColumn(table, column.name()) + " DROP DEFAULT;");
    }

    private static List<String> setNotNull(TableName table, Column column, FixOptions options) {
        String name = PostgresIdentifiers.quote(column.name());
        String alterTable = "ALTER TABLE " + PostgresIdentifiers.qualified(table);
        List<String> statements = new ArrayList<>();
        String backfill = "UPDATE " + PostgresIdentifiers.qualified(table) + " SET " + name + " = %s WHERE " + name + " IS NULL;";
        String placeholder = TypeFamily.of(PostgresType.parse(column.type())).placeholder();
        if (column.defaultValue() != null) {
            statements.add(SqlComment.line("review: rows holding null get the model's default " + column.defaultValue()) + "\n"
                    + backfill.formatted(column.defaultValue()));
        } else if (placeholder != null) {
            statements.add(SqlComment.line("review: rows holding null get the placeholder " + placeholder
                    + "; replace it with real values") + "\n" + backfill.formatted(placeholder));
        } else {
            statements.add(SqlComment.line("review: rows holding null need a value, and no placeholder is known for "
                    + column.type() + "; SET NOT NULL fails while they hold null") + "\n"
                    + SqlComment.line(backfill.formatted("<value>")));
        }
        if (options.lockAware()) {
            // A validated CHECK lets SET NOT NULL skip its scan (PostgreSQL 12+); VALIDATE scans without
            // blocking reads and writes, where SET NOT NULL would scan under an ACCESS EXCLUSIVE lock.
            String check = PostgresIdentifiers.quote("schemadrift_" + column.name() + "_not_null");
            statements.add(alterTable + " ADD CONSTRAINT " + check + " CHECK (" + name + " IS NOT NULL) NOT VALID;");
            statements.add(alterTable + " VALIDATE CONSTRAINT " + check + ";");
            statements.add(alterColumn(table, column.name()) + " SET NOT NULL;");
            statements.add(alterTable + " DROP CONSTRAINT " + check + ";");
        } else {
            statements.add(alterColumn(table, column.name()) + " SET NOT NULL;");
        }
        return statements;
    }

    private static String computedNote(Column column) {
        return "the model computes " + column.name() + " (GENERATED ALWAYS AS … STORED); the expression is not part"
                + " of the snapshot, so it is created as a plain column. Add the expression";
    }

    private static String alterColumn(TableName table, String column) {
        return "ALTER TABLE " + PostgresIdentifiers.qualified(table) + " ALTER COLUMN " + PostgresIdentifiers.quote(column);
    }

    private static String names(List<String> columns) {
        return columns.stream().map(PostgresIdentifiers::quote).collect(Collectors.joining(", "));
    }
}
