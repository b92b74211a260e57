package io.github.schemadrift.property;

import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.TableName;

/**
 * What a drift is, stripped to what the property compares: kind, place and severity.
 *
 * @param kind the kind
 * @param table the table
 * @param column the column, or {@code null} for a table-level drift
 * @param severity the severity
 */
record ImpliedDrift(DriftKind kind, TableName table, String column, Severity severity) {

    static ImpliedDrift of(Drift drift) {
        return new ImpliedDrift(drift.kind(), drift.table(), drift.column(), drift.severity());
    }

    @Override
    public String toString() {
        return severity + " " + kind + " " + table + (column == null ? "" : "." + column);
    }
}
