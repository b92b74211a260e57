package io.github.schemadrift.model;

import java.util.List;

/**
 * A foreign key the model declares.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param columns the referencing columns
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns; empty means the referenced table's primary key
 */
public record ForeignKey(String name, List<String> columns, TableName referencedTable, List<String> referencedColumns) {

    /** Copies the lists. */
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    ForeignKey inSchemaIfUnqualified(String defaultSchema) {
        return new ForeignKey(name, columns, referencedTable.inSchemaIfUnqualified(defaultSchema), referencedColumns);
    }
}
