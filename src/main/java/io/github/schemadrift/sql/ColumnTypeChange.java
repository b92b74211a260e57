package io.github.schemadrift.sql;

import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.TableName;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that turn a column's database type into the model's: {@code ALTER COLUMN … TYPE … USING}
 * with a conversion that works on the values real tables hold, and {@code -- review:} lines saying what it
 * assumes, when it rewrites the table and when it may fail or lose data.
 *
 * @param table the table
 * @param expected the column as the model maps it
 * @param actual the column as the database has it
 */
record ColumnTypeChange(TableName table, Column expected, Column actual) {

    /** Character types stored without padding: converting between them needs no rewrite. */
    private static final java.util.Set<String> UNPADDED_TEXT = java.util.Set.of("character varying", "text");

    /** What converts the old value into the new one, with what a reviewer should know about it. */
    private record Conversion(String using, List<String> notes, boolean safe) {
        static Conversion of(String using, String... notes) {
            return new Conversion(using, java.util.Arrays.stream(notes).filter(n -> !n.isEmpty()).toList(), true);
        }
    }

    List<String> statements() {
        PostgresType from = PostgresType.parse(actual.type());
        PostgresType to = PostgresType.parse(expected.type());
        TypeFamily oldFamily = TypeFamily.of(from);
        TypeFamily newFamily = TypeFamily.of(to);
        String column = PostgresIdentifiers.quote(expected.name());
        String alter = "ALTER TABLE " + PostgresIdentifiers.qualified(table) + " ALTER COLUMN " + column;

        Conversion conversion = conversion(column, from, to, oldFamily, newFamily);
        List<String> notes = new ArrayList<>(conversion.notes());
        boolean narrows = narrows(from, to);
        // varchar(n) to a longer varchar or to text is binary-compatible: PostgreSQL only updates the catalog
        // (character(n) is not: its values are converted, trailing blanks trimmed)
        boolean catalogOnly = !from.array() && !to.array() && !narrows
                && UNPADDED_TEXT.contains(from.name()) && UNPADDED_TEXT.contains(to.name());
        if (!catalogOnly) {
            notes.add("rewrites the table and its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait");
        }
        if (narrows && conversion.safe()) {
            notes.add(actual.type() + " values do not all fit " + expected.type()
                    + ": the statement fails on (or rounds) values that do not");
        }

        // PostgreSQL converts the column's default by assignment cast only, and refuses the change when
        // there is none; USING does not apply to it.
        boolean resetDefault = actual.defaultValue() != null && !(from.array() && to.array()
                ? sameKind(from, to)
                : assignable(oldFamily, newFamily));
        List<String> statements = new ArrayList<>();
        if (resetDefault) {
            statements.add(alter + " DROP DEFAULT;");
        }
        String change = alter + " TYPE " + expected.type() + (conversion.using() == null ? "" : " USING " + conversion.using()) + ";";
        StringBuilder entry = new StringBuilder();
        notes.forEach(note -> entry.append(SqlComment.line("review: " + note)).append('\n'));
        if (conversion.safe()) {
            entry.append(change);
        } else {
            entry.append(SqlComment.line(change));
        }
        statements.add(entry.toString());
        if (resetDefault) {
            if (expected.defaultValue() != null) {
                statements.add(alter + " SET DEFAULT " + expected.defaultValue() + ";");
            } else {
                statements.add(SqlComment.line("review: the old default (" + actual.defaultValue() + ") was dropped: it was"
                        + " written for " + actual.type() + ". Restore one if the application relies on it:") + "\n"
                        + SqlComment.line(alter + " SET DEFAULT " + actual.defaultValue() + ";"));
            }
        }
        return statements;
    }

    /** Whether some values of {@code from} do not survive in {@code to}, by the comparison's own rules. */
    private static boolean narrows(PostgresType from, PostgresType to) {
        TypeComparison comparison = PostgresTypeRules.compare(from, to);
        return comparison == TypeComparison.SIZE_NARROWER
                || (comparison == TypeComparison.TYPE_INCOMPATIBLE && sameKind(from, to));
    }

    /** The same kind of value: the same family, or for two arrays, elements of the same family. */
    private static boolean sameKind(PostgresType from, PostgresType to) {
        if (from.array() && to.array()) {
            return TypeFamily.of(element(from)) == TypeFamily.of(element(to));
        }
        return TypeFamily.of(from) == TypeFamily.of(to);
    }

    private static PostgresType element(PostgresType array) {
        return new PostgresType(array.name(), array.modifiers(), false);
    }

    /** Whether PostgreSQL has an assignment cast between the families, as it needs for the default. */
    private static boolean assignable(TypeFamily from, TypeFamily to) {
        return from == to || to == TypeFamily.STRING || (from.numeric() && to.numeric())
                || (temporal(from) && temporal(to)) || (json(from) && json(to));
    }

    private static boolean temporal(TypeFamily family) {
        return family == TypeFamily.DATE || family == TypeFamily.TIMESTAMP || family == TypeFamily.TIMESTAMPTZ;
    }

    private static boolean json(TypeFamily family) {
        return family == TypeFamily.JSON || family == TypeFamily.JSONB;
    }

    private Conversion conversion(String column, PostgresType from, PostgresType to, TypeFamily oldFamily, TypeFamily newFamily) {
        String target = expected.type();
        if (from.array() != to.array()) {
            return new Conversion(null, List.of("no conversion between " + actual.type() + " and " + target
                    + " is safe for every value; write the USING expression yourself, e.g. ARRAY[" + column
                    + "] or " + column + "[1], and run it on a copy first"), false);
        }
        if (from.array()) {
            // element by element: within one kind of value the assignment cast (it rejects a too-long string
            // where an explicit cast to varchar(n) would cut it); across kinds PostgreSQL has no assignment
            // cast between the array types, so the explicit one
            if (sameKind(from, to)) {
                return Conversion.of(null);
            }
            return Conversion.of("CAST(" + column + " AS " + target + ")",
                    "each element is converted by PostgreSQL's own cast from " + element(from) + " to " + element(to)
                            + "; an element that does not convert fails the statement");
        }
        if (oldFamily == newFamily) {
            // the same kind of value: PostgreSQL's assignment cast is the right conversion
            return Conversion.of(null);
        }
        if (newFamily == TypeFamily.STRING) {
            return switch (oldFamily) {
                case BYTEA -> Conversion.of("convert_from(" + column + ", 'UTF8')",
                        "assumes the bytes are UTF-8 text; other bytes fail the statement");
                case OID -> Conversion.of("convert_from(lo_get(" + column + "), 'UTF8')",
                        "reads each large object as UTF-8 text; the large objects stay behind until lo_unlink"
                                + " (or vacuumlo) removes them");
                // text, then PostgreSQL's assignment to a bounded type fails on too-long values instead of
                // silently cutting them, as an explicit cast to varchar(n) would
                default -> Conversion.of("CAST(" + column + " AS text)",
                        "each value becomes its text form (" + actual.type() + " output format)");
            };
        }
        if (oldFamily == TypeFamily.STRING) {
            return switch (newFamily) {
                case BYTEA -> Conversion.of("convert_to(" + column + ", 'UTF8')", "stores each text as its UTF-8 bytes");
                case OID -> Conversion.of("lo_from_bytea(0, convert_to(" + column + ", 'UTF8'))",
                        "creates one large object per non-null value, owned by the role running this");
                default -> Conversion.of("CAST(NULLIF(trim(" + column + "), '') AS " + target + ")",
                        "blank values become null; a value that is not a valid " + target + " fails the statement");
            };
        }
        if (oldFamily == TypeFamily.INTEGER && newFamily == TypeFamily.BOOLEAN) {
            return Conversion.of(column + " <> 0", "0 becomes false, any other number true");
        }
        if (oldFamily == TypeFamily.BOOLEAN && newFamily.numeric()) {
            return Conversion.of("CASE WHEN " + column + " THEN 1 WHEN NOT " + column + " THEN 0 END",
                    "true becomes 1, false 0");
        }
        if (oldFamily.numeric() && newFamily.numeric()) {
            String note = newFamily == TypeFamily.INTEGER
                    ? "fractions are rounded to whole numbers"
                    : "binary floating point and decimal values differ: values are rounded to " + target;
            return Conversion.of("CAST(" + column + " AS " + target + ")", note);
        }
        if (oldFamily == TypeFamily.TIMESTAMP && newFamily == TypeFamily.TIMESTAMPTZ) {
            return Conversion.of(column + " AT TIME ZONE 'UTC'",
                    "assumes the stored local times are UTC; put the zone the application wrote them in instead of 'UTC'");
        }
        if (oldFamily == TypeFamily.TIMESTAMPTZ && newFamily == TypeFamily.TIMESTAMP) {
            return Conversion.of(column + " AT TIME ZONE 'UTC'",
                    "keeps each instant as its UTC wall-clock time; put the zone the application reads them in instead of 'UTC'");
        }
        if (temporal(oldFamily) && newFamily == TypeFamily.DATE) {
            return Conversion.of("CAST(" + column + " AS date)", "the time of day is lost");
        }
        if (oldFamily == TypeFamily.BYTEA && newFamily == TypeFamily.OID) {
            return Conversion.of("lo_from_bytea(0, " + column + ")",
                    "creates one large object per non-null value, owned by the role running this");
        }
        if (oldFamily == TypeFamily.OID && newFamily == TypeFamily.BYTEA) {
            return Conversion.of("lo_get(" + column + ")",
                    "copies each large object's bytes; the large objects stay behind until lo_unlink (or vacuumlo) removes them");
        }
        if (json(oldFamily) && json(newFamily)) {
            return Conversion.of("CAST(" + column + " AS " + target + ")",
                    newFamily == TypeFamily.JSONB ? "jsonb keeps the last of duplicate keys and not the key order or whitespace" : "");
        }
        return Conversion.of("CAST(" + column + " AS " + target + ")",
                "no conversion from " + actual.type() + " to " + target + " is known here: PostgreSQL's own cast is used,"
                        + " and the statement fails when there is none. Check the result on a copy first");
    }
}
