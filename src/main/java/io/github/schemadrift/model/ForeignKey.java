package io.github.schemadrift.model;

import java.util.List;

/**
 * A foreign key the model declares, or the database has.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param columns the referencing columns
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns; empty means the referenced table's primary key
 * @param onDelete what deleting a referenced row does; {@code null} is read as {@link ReferentialAction#NO_ACTION}
 */
public record ForeignKey(
        String name, List<String> columns, TableName referencedTable, List<String> referencedColumns,
        ReferentialAction onDelete) {

    /** Copies the lists. */
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
    }

    /**
     * A foreign key whose {@code ON DELETE} action is {@link ReferentialAction#NO_ACTION}.
     *
     * @param name the constraint name, or {@code null} to let the database choose
     * @param columns the referencing columns
     * @param referencedTable the referenced table
     * @param referencedColumns the referenced columns; empty means the referenced table's primary key
     */
    public ForeignKey(String name, List<String> columns, TableName referencedTable, List<String> referencedColumns) {
        this(name, columns, referencedTable, referencedColumns, ReferentialAction.NO_ACTION);
    }

    ForeignKey inSchemaIfUnqualified(String defaultSchema) {
        return new ForeignKey(
                name, columns, referencedTable.inSchemaIfUnqualified(defaultSchema), referencedColumns, onDelete);
    }
}
