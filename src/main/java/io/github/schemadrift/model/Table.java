package io.github.schemadrift.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One table, as the model expects it or as the database has it.
 *
 * @param name the table's schema and name
 * @param columns the columns, in declaration order
 * @param primaryKey the primary key's column names, empty when there is none or it was not read
 * @param foreignKeys the foreign keys, empty when there are none or they were not read
 * @param uniqueKeys the unique constraints, empty when there are none or they were not read; the primary key is
 *     not one of them
 * @param source the entity class or collection role that maps this table; {@code null} for database tables
 */
public record Table(
        TableName name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys,
        List<UniqueKey> uniqueKeys, String source) {

    /** Copies the lists, so a table never changes. */
    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueKeys = List.copyOf(uniqueKeys);
    }

    /**
     * A table without unique constraints.
     *
     * @param name the table's schema and name
     * @param columns the columns, in declaration order
     * @param primaryKey the primary key's column names, empty when there is none or it was not read
     * @param foreignKeys the foreign keys, empty when there are none or they were not read
     * @param source the entity class or collection role that maps this table; {@code null} for database tables
     */
    public Table(TableName name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys,
            String source) {
        this(name, columns, primaryKey, foreignKeys, List.of(), source);
    }

    /**
     * The column of that exact name.
     *
     * @param columnName the name as PostgreSQL stores it
     * @return the column, or empty
     */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * This table, placed in {@code defaultSchema} when it has no schema of its own; foreign keys'
     * referenced tables likewise.
     *
     * @param defaultSchema the schema unqualified names live in
     * @return the qualified table
     */
    public Table inSchemaIfUnqualified(String defaultSchema) {
        return new Table(
                name.inSchemaIfUnqualified(defaultSchema),
                columns,
                primaryKey,
                foreignKeys.stream().map(fk -> fk.inSchemaIfUnqualified(defaultSchema)).toList(),
                uniqueKeys,
                source);
    }
}
