package io.github.schemadrift.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A table's identity: its schema and its name, both exactly as PostgreSQL stores them (unquoted names
 * folded to lower case, quoted names in their own case). Two tables match only when both parts are equal.
 *
 * @param schema the schema, or {@code null} when the model leaves it to the connection's default schema
 * @param name the table name
 */
public record TableName(String schema, String name) implements Comparable<TableName> {

    private static final Comparator<TableName> ORDER = Comparator
            .comparing(TableName::schema, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(TableName::name);

    /** Checks the name is present. */
    public TableName {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A name in a schema.
     *
     * @param schema the schema, or {@code null} for the default schema
     * @param name the table name
     * @return the table name
     */
    public static TableName of(String schema, String name) {
        return new TableName(schema, name);
    }

    /**
     * This name, placed in {@code defaultSchema} when it has no schema of its own.
     *
     * @param defaultSchema the schema unqualified names live in
     * @return the qualified name
     */
    public TableName inSchemaIfUnqualified(String defaultSchema) {
        return schema == null ? new TableName(defaultSchema, name) : this;
    }

    @Override
    public int compareTo(TableName other) {
        return ORDER.compare(this, other);
    }

    /** {@code schema.name}, or the bare name when unqualified. */
    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
