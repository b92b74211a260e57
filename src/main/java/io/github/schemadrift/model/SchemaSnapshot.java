package io.github.schemadrift.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable set of tables: what the model expects, or what the database has.
 *
 * @param tables the tables, sorted by name; no two share a name
 */
public record SchemaSnapshot(List<Table> tables) {

    /** Sorts the tables and rejects duplicates. */
    public SchemaSnapshot {
        Map<TableName, Table> byName = new LinkedHashMap<>();
        for (Table table : tables) {
            if (byName.put(table.name(), table) != null) {
                throw new IllegalArgumentException("two tables named " + table.name());
            }
        }
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
    }

    /**
     * A snapshot of these tables.
     *
     * @param tables the tables
     * @return the snapshot
     */
    public static SchemaSnapshot of(List<Table> tables) {
        return new SchemaSnapshot(tables);
    }

    /**
     * The table of that exact schema and name.
     *
     * @param name the table's name
     * @return the table, or empty
     */
    public Optional<Table> table(TableName name) {
        Objects.requireNonNull(name, "name");
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The schemas the tables live in; {@code null} (the default schema) is left out.
     *
     * @return the schema names, sorted
     */
    public Set<String> schemas() {
        Set<String> schemas = new TreeSet<>();
        tables.forEach(t -> {
            if (t.name().schema() != null) {
                schemas.add(t.name().schema());
            }
        });
        return schemas;
    }

    /**
     * This snapshot with every unqualified table placed in {@code defaultSchema}.
     *
     * @param defaultSchema the schema unqualified names live in
     * @return the qualified snapshot
     */
    public SchemaSnapshot inSchemaIfUnqualified(String defaultSchema) {
        return new SchemaSnapshot(tables.stream().map(t -> t.inSchemaIfUnqualified(defaultSchema)).toList());
    }
}
