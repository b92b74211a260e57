package io.github.schemadrift.property;

import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.TableName;
import java.util.Set;

/**
 * One change made to a database that matches the model, with the drift it must be reported as. What each
 * mutation implies is written here from the expected column and the documented type rules
 * (docs/type-compatibility.md), never by asking the comparison under test.
 */
sealed interface Mutation {

    /** @return the table the mutation changes */
    TableName table();

    /** @return the column it changes (or adds), or {@code null} when it changes the whole table */
    String column();

    /** @return the SQL that makes the change */
    String sql();

    /** @return the ERROR and WARNING drift the change must be reported as; INFO drift is not listed */
    Set<ImpliedDrift> implied();

    /**
     * The table is gone. {@code CASCADE} also drops other tables' foreign keys to it: foreign keys are not
     * compared (only created with a missing table), so that implies nothing more.
     */
    record DropTable(TableName table) implements Mutation {
        @Override public String column() { return null; }
        @Override public String sql() { return "DROP TABLE " + Sql.table(table) + " CASCADE"; }
        @Override public Set<ImpliedDrift> implied() {
            return Set.of(new ImpliedDrift(DriftKind.MISSING_TABLE, table, null, Severity.ERROR));
        }
        @Override public String toString() { return "DropTable " + table; }
    }

    /** A mapped column is gone, with the rows' values in it. */
    record DropColumn(TableName table, Column expected) implements Mutation {
        @Override public String column() { return expected.name(); }
        @Override public String sql() { return Sql.alterTable(table) + " DROP COLUMN " + Sql.name(column()) + " CASCADE"; }
        @Override public Set<ImpliedDrift> implied() {
            return Set.of(new ImpliedDrift(DriftKind.MISSING_COLUMN, table, column(), Severity.ERROR));
        }
        @Override public String toString() { return "DropColumn " + table + "." + column(); }
    }

    /**
     * The database's nullability is the opposite of the model's. When the column becomes nullable,
     * {@code writeNull} also stores a null in one row, as an application would, so the repair has to backfill.
     */
    record FlipNullability(TableName table, Column expected, boolean writeNull) implements Mutation {
        @Override public String column() { return expected.name(); }
        @Override public String sql() {
            String alter = Sql.alterTable(table) + " ALTER COLUMN " + Sql.name(column());
            if (expected.nullable()) {
                return alter + " SET NOT NULL";
            }
            String sql = alter + " DROP NOT NULL";
            return writeNull
                    ? sql + ";\nUPDATE " + Sql.table(table) + " SET " + Sql.name(column()) + " = NULL WHERE ctid = (SELECT ctid FROM "
                            + Sql.table(table) + " LIMIT 1)"
                    : sql;
        }
        @Override public Set<ImpliedDrift> implied() {
            // DB NOT NULL rejects the model's nulls; DB nullable only loses a guarantee, unless a primitive reads the null
            boolean primitive = expected.source() != null && expected.source().primitive();
            Severity severity = expected.nullable() || primitive ? Severity.ERROR : Severity.WARNING;
            return Set.of(new ImpliedDrift(DriftKind.NULLABILITY_MISMATCH, table, column(), severity));
        }
        @Override public String toString() {
            return "FlipNullability " + table + "." + column() + (expected.nullable() ? " to NOT NULL" : " to nullable")
                    + (writeNull ? " with a null row" : "");
        }
    }

    /**
     * The column has another base type.
     *
     * @param using the conversion for the rows' values, or {@code null} for PostgreSQL's own
     * @param severity ERROR when the rules call the new type narrower or incompatible, {@code null} when wider (INFO)
     */
    record ChangeType(TableName table, Column expected, String newType, String using, Severity severity) implements Mutation {
        @Override public String column() { return expected.name(); }
        @Override public String sql() { return Sql.changeType(table, column(), newType, using); }
        @Override public Set<ImpliedDrift> implied() {
            return severity == null ? Set.of() : Set.of(new ImpliedDrift(DriftKind.TYPE_MISMATCH, table, column(), severity));
        }
        @Override public String toString() {
            return "ChangeType " + table + "." + column() + " " + expected.type() + " -> " + newType;
        }
    }

    /**
     * The column has the same type with another length, precision or scale.
     *
     * @param severity ERROR when the new size rejects or rounds the model's values, {@code null} when wider (INFO)
     */
    record ChangeLength(TableName table, Column expected, String newType, Severity severity) implements Mutation {
        @Override public String column() { return expected.name(); }
        @Override public String sql() { return Sql.changeType(table, column(), newType, null); }
        @Override public Set<ImpliedDrift> implied() {
            return severity == null ? Set.of() : Set.of(new ImpliedDrift(DriftKind.SIZE_MISMATCH, table, column(), severity));
        }
        @Override public String toString() {
            return "ChangeLength " + table + "." + column() + " " + expected.type() + " -> " + newType;
        }
    }

    /**
     * The database has a column no entity maps. NOT NULL without a default makes every insert fail (ERROR);
     * with {@code keepDefault} it fills itself (INFO).
     */
    record AddUnmappedNotNullColumn(TableName table, String column, boolean keepDefault) implements Mutation {
        @Override public String sql() {
            String add = Sql.alterTable(table) + " ADD COLUMN " + Sql.name(column) + " integer DEFAULT 7 NOT NULL";
            // the default fills the existing rows; dropping it leaves a column every insert has to name
            return keepDefault ? add : add + ";\n" + Sql.alterTable(table) + " ALTER COLUMN " + Sql.name(column) + " DROP DEFAULT";
        }
        @Override public Set<ImpliedDrift> implied() {
            return keepDefault ? Set.of() : Set.of(new ImpliedDrift(DriftKind.UNMAPPED_COLUMN, table, column, Severity.ERROR));
        }
        @Override public String toString() {
            return "AddUnmappedNotNullColumn " + table + "." + column + (keepDefault ? " with default" : "");
        }
    }

    /** Names quoted always: the snapshot holds them exactly as PostgreSQL stores them. */
    final class Sql {
        private Sql() {
        }

        static String name(String name) {
            return '"' + name.replace("\"", "\"\"") + '"';
        }

        static String table(TableName table) {
            return name(table.schema()) + "." + name(table.name());
        }

        static String alterTable(TableName table) {
            return "ALTER TABLE " + table(table);
        }

        static String changeType(TableName table, String column, String newType, String using) {
            return alterTable(table) + " ALTER COLUMN " + name(column) + " TYPE " + newType
                    + (using == null ? "" : " USING " + using.replace("%s", name(column)));
        }
    }
}
