package io.github.schemadrift.database;

import java.sql.DatabaseMetaData;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bulk {@code pg_catalog} queries behind the catalog reader. SchemaCrawler runs the schema, table,
 * column and primary-key queries in place of its table-by-table {@code DatabaseMetaData} calls; they return
 * the column labels its retrievers read (those of {@code DatabaseMetaData.getTables/getColumns/getPrimaryKeys}),
 * and columns it does not read become attributes of the object built from the row. The foreign-key and
 * unique-key queries are run by {@link CatalogReader} itself (see there why). Every query names the schemas
 * it reads, so the rest of the catalog is never scanned.
 */
final class CatalogQueries {

    /** Attribute holding {@code format_type(atttypid, atttypmod)}, e.g. {@code character varying(100)}. */
    static final String FORMATTED_TYPE = "FORMATTED_TYPE";

    // Ordinary and partitioned tables; a partition is read through its parent, which is what entities map.
    private static final String TABLE_FILTER = """
            c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (%s)""";

    private final Set<String> schemas;
    private final String schemaArray;

    CatalogQueries(Set<String> schemas) {
        this.schemas = Set.copyOf(schemas);
        this.schemaArray = schemas.stream()
                .sorted()
                .map(CatalogQueries::literal)
                .collect(Collectors.joining(", ", "ARRAY[", "]::pg_catalog.name[]"));
    }

    /** @return the schemas these queries read */
    Set<String> schemas() {
        return schemas;
    }

    String schemata() {
        return """
                SELECT NULL AS CATALOG_NAME, n.nspname AS SCHEMA_NAME
                FROM pg_catalog.pg_namespace n
                WHERE n.nspname = ANY (%s)""".formatted(schemaArray);
    }

    String tables() {
        return """
                SELECT NULL AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
                  'TABLE' AS TABLE_TYPE, NULL AS REMARKS
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE %s""".formatted(tableFilter());
    }

    /*
     * One row per column, so this is where SchemaCrawler spends its time: each label it reads is looked up
     * by a scan over the result's columns (re-sorted on every lookup). So the query returns only what we use,
     * in the order TableColumnRetriever reads it; labels it asks for that are absent (TABLE_CAT, DATA_TYPE,
     * TYPE_NAME, COLUMN_SIZE, DECIMAL_DIGITS, REMARKS) read as null or 0. FORMATTED_TYPE is not a label it
     * knows, so it becomes a column attribute. A generated column's expression sits in pg_attrdef too; it is
     * not a default, so COLUMN_DEF leaves it out.
     */
    String columns() {
        return """
                SELECT
                  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS COLUMN_DEF,
                  n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME, a.attname AS COLUMN_NAME,
                  a.attnum AS ORDINAL_POSITION,
                  CASE WHEN a.attnotnull THEN 0 ELSE 1 END AS NULLABLE,
                  a.attidentity <> '' AS IS_AUTOINCREMENT,
                  a.attgenerated <> '' AS IS_GENERATEDCOLUMN,
                  pg_catalog.format_type(a.atttypid, a.atttypmod) AS %s
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE %s AND a.attnum > 0 AND NOT a.attisdropped"""
                .formatted(FORMATTED_TYPE, tableFilter());
    }

    String primaryKeys() {
        return """
                SELECT NULL AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
                  a.attname AS COLUMN_NAME, k.seq AS KEY_SEQ, con.conname AS PK_NAME
                FROM pg_catalog.pg_constraint con
                JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, seq)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                WHERE con.contype = 'p' AND %s""".formatted(tableFilter());
    }

    /*
     * Read by CatalogReader itself, not SchemaCrawler (see there why); the labels are getImportedKeys' all
     * the same, and DELETE_RULE holds the same DatabaseMetaData.importedKey… codes. conparentid = 0 keeps
     * only the constraint the user declared: PostgreSQL adds child constraints for each partition of a
     * partitioned referenced table.
     */
    String foreignKeys() {
        return """
                SELECT pn.nspname AS PKTABLE_SCHEM, pc.relname AS PKTABLE_NAME, pa.attname AS PKCOLUMN_NAME,
                  n.nspname AS FKTABLE_SCHEM, c.relname AS FKTABLE_NAME, a.attname AS FKCOLUMN_NAME,
                  k.seq AS KEY_SEQ, con.conname AS FK_NAME,
                  CASE con.confdeltype WHEN 'c' THEN %d WHEN 'r' THEN %d WHEN 'n' THEN %d WHEN 'd' THEN %d
                    ELSE %d END AS DELETE_RULE
                FROM pg_catalog.pg_constraint con
                JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid
                JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, pkattnum, seq)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                JOIN pg_catalog.pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.pkattnum
                WHERE con.contype = 'f' AND con.conparentid = 0 AND %s
                ORDER BY n.nspname, c.relname, con.conname, k.seq""".formatted(
                        DatabaseMetaData.importedKeyCascade, DatabaseMetaData.importedKeyRestrict,
                        DatabaseMetaData.importedKeySetNull, DatabaseMetaData.importedKeySetDefault,
                        DatabaseMetaData.importedKeyNoAction, tableFilter());
    }

    /*
     * Unique constraints (contype 'u'), read by CatalogReader itself like foreign keys. A unique index
     * created without a constraint (CREATE UNIQUE INDEX) is not one of them. Partitions are not read, so
     * their copies of a partitioned table's constraint never appear; conparentid = 0 says so all the same.
     */
    String uniqueKeys() {
        return """
                SELECT n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME, con.conname AS CONSTRAINT_NAME,
                  a.attname AS COLUMN_NAME, k.seq AS KEY_SEQ
                FROM pg_catalog.pg_constraint con
                JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, seq)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                WHERE con.contype = 'u' AND con.conparentid = 0 AND %s
                ORDER BY n.nspname, c.relname, con.conname, k.seq""".formatted(tableFilter());
    }

    private String tableFilter() {
        return TABLE_FILTER.formatted(schemaArray);
    }

    /**
     * An escape-string literal: means the same whatever standard_conforming_strings says. A dollar sign is
     * written as an escape too, so SchemaCrawler's {@code ${…}} template expansion never sees one.
     */
    static String literal(String value) {
        return "E'" + value.replace("\\", "\\\\").replace("'", "''").replace("$", "\\x24") + "'";
    }
}
