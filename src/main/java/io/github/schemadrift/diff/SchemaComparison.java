package io.github.schemadrift.diff;

import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.sql.PostgresTypeRules;
import io.github.schemadrift.sql.TypeComparison;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares what the model expects with what the database has: a pure function of two snapshots, so it
 * can be tested without a database and never touches one. It finds every difference at once; what to do
 * about them is for the renderers and the fix planner.
 */
public final class SchemaComparison {

    private SchemaComparison() {
    }

    /**
     * Every drift between {@code expected} and {@code actual}. Tables are matched by exact schema and name
     * (both snapshots must already be schema-qualified); columns by exact name. Tables the model does not
     * map are not drift.
     *
     * @param expected what the model maps
     * @param actual what the database has
     * @return the drifts, sorted by {@link Drift#ORDER}
     */
    public static List<Drift> compare(SchemaSnapshot expected, SchemaSnapshot actual) {
        Map<TableName, Table> actualTables = actual.tables().stream()
                .collect(Collectors.toMap(Table::name, Function.identity()));
        List<Drift> drifts = new ArrayList<>();
        for (Table wanted : expected.tables()) {
            Table present = actualTables.get(wanted.name());
            if (present == null) {
                drifts.add(new Drift.MissingTable(wanted));
            } else {
                compareTable(wanted, present, drifts);
            }
        }
        drifts.sort(Drift.ORDER);
        return List.copyOf(drifts);
    }

    private static void compareTable(Table wanted, Table present, List<Drift> drifts) {
        TableName table = wanted.name();
        Map<String, Column> presentColumns = new HashMap<>();
        present.columns().forEach(c -> presentColumns.put(c.name(), c));
        for (Column expected : wanted.columns()) {
            Column actual = presentColumns.remove(expected.name());
            if (actual == null) {
                drifts.add(new Drift.MissingColumn(table, expected));
                continue;
            }
            compareType(table, expected, actual, drifts);
            compareNullability(table, expected, actual, drifts);
        }
        for (Column unmapped : present.columns()) {
            if (presentColumns.containsKey(unmapped.name())) {
                Severity severity = unmapped.fillsItself() ? Severity.INFO : Severity.ERROR;
                drifts.add(new Drift.UnmappedColumn(table, unmapped, severity));
            }
        }
    }

    private static void compareType(TableName table, Column expected, Column actual, List<Drift> drifts) {
        TypeComparison comparison = PostgresTypeRules.compare(expected.type(), actual.type());
        Severity severity = comparison.harmful() ? Severity.ERROR : Severity.INFO;
        switch (comparison) {
            case SAME -> { }
            case SIZE_WIDER, SIZE_NARROWER -> drifts.add(new Drift.SizeMismatch(table, expected, actual, severity));
            case TYPE_WIDER, TYPE_INCOMPATIBLE -> drifts.add(new Drift.TypeMismatch(table, expected, actual, severity));
        }
    }

    private static void compareNullability(TableName table, Column expected, Column actual, List<Drift> drifts) {
        if (expected.nullable() == actual.nullable()) {
            return;
        }
        Severity severity;
        if (expected.nullable()) {
            severity = Severity.ERROR; // the database rejects a null the model may write
        } else {
            // the database lets nulls in; reading one into a primitive attribute fails
            severity = expected.source() != null && expected.source().primitive() ? Severity.ERROR : Severity.WARNING;
        }
        drifts.add(new Drift.NullabilityMismatch(table, expected, actual, severity));
    }
}
