package io.github.schemadrift.property;

import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.ForeignKey;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every mutation that can be made to the rich model's database, grouped by kind, built from the expected
 * schema. What stays out, and why:
 *
 * <ul>
 *   <li>primary-key columns are not dropped, flipped or retyped: a key column without its key, or a nullable
 *       key, is not drift the comparison covers (keys are not compared);</li>
 *   <li>foreign-key columns are not retyped (PostgreSQL rebuilds the constraint and refuses some pairs), and
 *       get no null row (the repair's placeholder would reference nothing);</li>
 *   <li>columns whose CHECK rejects the repair's placeholder get no null row: the snapshot carries no check
 *       constraints, so the planner cannot know (docs/fix-sql.md, known limits);</li>
 *   <li>{@code oid} (large object) columns keep their type: the repair's placeholders would be dangling ids.</li>
 * </ul>
 */
final class MutationCatalog {

    /** Columns whose CHECK (written by Hibernate for enums and converters) rejects the placeholder {@code ''}. */
    private static final Set<String> PLACEHOLDER_REJECTED = Set.of("vehicle.kind", "alltypes.yesno");

    /** Unmapped column names: plain, a reserved word, and one that needs quoting. */
    private static final List<String> UNMAPPED_NAMES = List.of("legacy_flag", "order", "Legacy Code");

    /** A verdict of docs/type-compatibility.md: INFO is {@code null}, as it implies no ERROR/WARNING. */
    private static final Severity INFO = null;
    private static final Severity ERROR = Severity.ERROR;

    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern CHAR = Pattern.compile("char\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    /** Other base types by the model's spelling of a type, with the verdicts of docs/type-compatibility.md. */
    private static final Map<String, List<Retype>> RETYPES = Map.ofEntries(
            Map.entry("text", List.of(r("varchar(64)", null, ERROR))),
            Map.entry("float(53)", List.of(
                    r("real", null, ERROR), r("numeric(30,10)", null, ERROR))),
            Map.entry("float4", List.of(r("double precision", null, INFO))),
            Map.entry("bigint", List.of(
                    r("integer", null, ERROR), r("numeric(19,0)", null, ERROR))),
            Map.entry("integer", List.of(
                    r("bigint", null, INFO), r("smallint", null, ERROR))),
            Map.entry("smallint", List.of(
                    r("integer", null, INFO), r("bigint", null, INFO))),
            Map.entry("boolean", List.of(
                    r("integer", "CASE WHEN %s THEN 1 ELSE 0 END", ERROR),
                    r("text", null, ERROR))),
            Map.entry("timestamp(6) with time zone", List.of(
                    r("timestamp(6)", null, ERROR), r("text", null, ERROR))),
            Map.entry("timestamp(6)", List.of(
                    r("timestamp(6) with time zone", null, ERROR), r("date", null, ERROR))),
            Map.entry("date", List.of(
                    r("timestamp(6)", null, ERROR), r("text", null, ERROR))),
            Map.entry("time(0)", List.of(r("time(0) with time zone", null, ERROR))),
            Map.entry("uuid", List.of(
                    r("text", null, ERROR), r("varchar(36)", null, ERROR))),
            Map.entry("jsonb", List.of(
                    r("json", null, ERROR), r("text", null, ERROR))),
            Map.entry("bytea", List.of(r("text", "convert_from(%s, 'UTF8')", ERROR))),
            Map.entry("integer array", List.of(
                    r("bigint[]", null, INFO), r("smallint[]", null, ERROR),
                    r("text[]", null, ERROR))),
            Map.entry("varchar(255) array", List.of(r("text[]", null, INFO))));

    final List<Mutation> dropTables = new ArrayList<>();
    final List<Mutation> dropColumns = new ArrayList<>();
    final List<Mutation> flips = new ArrayList<>();
    final List<Mutation> typeChanges = new ArrayList<>();
    final List<Mutation> lengthChanges = new ArrayList<>();
    final List<Mutation> unmappedColumns = new ArrayList<>();

    MutationCatalog(SchemaSnapshot expected) {
        for (Table table : expected.tables()) {
            TableName name = table.name();
            dropTables.add(new Mutation.DropTable(name));
            Set<String> foreignKeyColumns = new HashSet<>();
            table.foreignKeys().stream().map(ForeignKey::columns).forEach(foreignKeyColumns::addAll);
            for (Column column : table.columns()) {
                if (table.primaryKey().contains(column.name())) {
                    continue;
                }
                dropColumns.add(new Mutation.DropColumn(name, column));
                flips.add(new Mutation.FlipNullability(name, column, false));
                if (!column.nullable() && !foreignKeyColumns.contains(column.name())
                        && !PLACEHOLDER_REJECTED.contains(name.name() + "." + column.name())) {
                    flips.add(new Mutation.FlipNullability(name, column, true));
                }
                if (!foreignKeyColumns.contains(column.name())) {
                    addTypeChanges(name, column);
                }
            }
            for (String unmapped : UNMAPPED_NAMES) {
                unmappedColumns.add(new Mutation.AddUnmappedNotNullColumn(name, unmapped, false));
                unmappedColumns.add(new Mutation.AddUnmappedNotNullColumn(name, unmapped, true));
            }
        }
    }

    /** @return the mutation lists, each non-empty, one per kind */
    List<List<Mutation>> byKind() {
        return List.of(dropTables, dropColumns, flips, typeChanges, lengthChanges, unmappedColumns);
    }

    /**
     * Whether the mutations can be made together and their implied drift simply adds up: no two touch the
     * same column, and nothing touches a table that one of them drops.
     */
    static boolean compatible(List<Mutation> mutations) {
        Set<TableName> dropped = new HashSet<>();
        Set<List<Object>> targets = new HashSet<>();
        for (Mutation mutation : mutations) {
            if (mutation instanceof Mutation.DropTable drop) {
                dropped.add(drop.table());
            }
            if (!targets.add(java.util.Arrays.asList(mutation.table(), mutation.column()))) {
                return false;
            }
        }
        return mutations.stream().allMatch(m -> m.column() == null || !dropped.contains(m.table()));
    }

    /**
     * Type pairs whose verdict docs/type-compatibility.md states. The rows' values fit every narrower type here
     * (rich-rows.sql keeps them small).
     */
    private void addTypeChanges(TableName table, Column column) {
        String type = column.type();
        Matcher matcher;
        if ((matcher = VARCHAR.matcher(type)).matches()) {
            int length = Integer.parseInt(matcher.group(1));
            type(table, column, "text", null, INFO);
            length(table, column, "varchar(" + length * 2 + ")", INFO);
            if (length > 8) {
                length(table, column, "varchar(" + Math.max(8, length / 2) + ")", ERROR);
            }
        } else if ((matcher = CHAR.matcher(type)).matches()) {
            int length = Integer.parseInt(matcher.group(1));
            type(table, column, "text", null, INFO);
            length(table, column, "char(" + (length + 3) + ")", INFO);
        } else if ((matcher = NUMERIC.matcher(type)).matches()) {
            int precision = Integer.parseInt(matcher.group(1));
            int scale = Integer.parseInt(matcher.group(2));
            length(table, column, "numeric(" + (precision + 2) + "," + scale + ")", INFO);
            length(table, column, "numeric", INFO);
            if (scale > 0) {
                length(table, column, "numeric(" + precision + "," + (scale - 1) + ")", ERROR);
            }
            if (precision > scale + 10) {
                length(table, column, "numeric(" + (scale + 10) + "," + scale + ")", ERROR);
            }
            type(table, column, "double precision", null, ERROR);
        } else {
            for (Retype retype : RETYPES.getOrDefault(type, List.of())) {
                type(table, column, retype.newType(), retype.using(), retype.severity());
            }
            // same type, other size
            switch (type) {
                case "timestamp(6) with time zone" -> length(table, column, "timestamp(3) with time zone", ERROR);
                case "timestamp(6)" -> length(table, column, "timestamp(0)", ERROR);
                case "time(0)" -> length(table, column, "time(6)", INFO);
                case "varchar(255) array" -> length(table, column, "varchar(100)[]", ERROR);
                default -> { }
            }
        }
    }

    /** Another base type: the conversion (or {@code null}) and the documented verdict. */
    private record Retype(String newType, String using, Severity severity) {
    }

    private static Retype r(String newType, String using, Severity severity) {
        return new Retype(newType, using, severity);
    }

    private void type(TableName table, Column column, String newType, String using, Severity severity) {
        typeChanges.add(new Mutation.ChangeType(table, column, newType, using, severity));
    }

    private void length(TableName table, Column column, String newType, Severity severity) {
        lengthChanges.add(new Mutation.ChangeLength(table, column, newType, severity));
    }
}
