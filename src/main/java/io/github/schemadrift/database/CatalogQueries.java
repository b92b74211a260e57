package io.github.schemadrift.database;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bulk {@code pg_catalog} queries SchemaCrawler runs in place of its table-by-table
 * {@code DatabaseMetaData} calls. Each returns the column labels SchemaCrawler's retrievers read (the
 * labels of {@code DatabaseMetaData.getTables/getColumns/getPrimaryKeys/getImportedKeys}); columns it does
 * not read become attributes of the object built from the row. Every query names the schemas it reads,
 * so the rest of the catalog is never scanned.
 */
final class CatalogQueries {

    /** Attribute holding {@code format_type(atttypid, atttypmod)}, e.g. {@code character varying(100)}. */
    static final String FORMATTED_TYPE = "FORMATTED_TYPE";

    /** Attribute holding {@code pg_attribute.attidentity}: {@code a}, {@code d} or empty. */
    static final String IDENTITY = "ATTIDENTITY";

    /** Attribute holding {@code pg_attribute.attgenerated}: {@code s}, {@code v} (PostgreSQL 18) or empty. */
    static final String GENERATED = "ATTGENERATED";

    // Ordinary and partitioned tables; a partition is read through its parent, which is what entities map.
    private static final String TABLE_FILTER = """
            c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (%s)""";

    private final String schemaArray;

    CatalogQueries(Set<String> schemas) {
        this.schemaArray = schemas.stream()
                .sorted()
                .map(CatalogQueries::literal)
                .collect(Collectors.joining(", ", "ARRAY[", "]::pg_catalog.name[]"));
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
     * DATA_TYPE is Types.OTHER for every column: nothing here maps JDBC types, the formatted type is what
     * counts. TYPE_NAME is the bare pg_type name, so SchemaCrawler's data type lookup sees few names.
     * A generated column's expression sits in pg_attrdef too; it is not a default, so COLUMN_DEF leaves it out.
     */
    String columns() {
        return """
                SELECT NULL AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
                  a.attname AS COLUMN_NAME, 1111 AS DATA_TYPE, t.typname AS TYPE_NAME,
                  0 AS COLUMN_SIZE, 0 AS DECIMAL_DIGITS,
                  CASE WHEN a.attnotnull THEN 0 ELSE 1 END AS NULLABLE,
                  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS COLUMN_DEF,
                  a.attnum AS ORDINAL_POSITION,
                  CASE WHEN a.attidentity <> '' THEN 'YES' ELSE 'NO' END AS IS_AUTOINCREMENT,
                  CASE WHEN a.attgenerated <> '' THEN 'YES' ELSE 'NO' END AS IS_GENERATEDCOLUMN,
                  NULL AS REMARKS,
                  pg_catalog.format_type(a.atttypid, a.atttypmod) AS %s,
                  a.attidentity::text AS %s,
                  a.attgenerated::text AS %s
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE %s AND a.attnum > 0 AND NOT a.attisdropped"""
                .formatted(FORMATTED_TYPE, IDENTITY, GENERATED, tableFilter());
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
     * Rules and deferrability use DatabaseMetaData's codes. conparentid = 0 keeps only the constraint the
     * user declared: PostgreSQL adds child constraints for each partition of a partitioned referenced table.
     */
    String foreignKeys() {
        return """
                SELECT NULL AS PKTABLE_CAT, pn.nspname AS PKTABLE_SCHEM, pc.relname AS PKTABLE_NAME,
                  pa.attname AS PKCOLUMN_NAME,
                  NULL AS FKTABLE_CAT, n.nspname AS FKTABLE_SCHEM, c.relname AS FKTABLE_NAME,
                  a.attname AS FKCOLUMN_NAME,
                  k.seq AS KEY_SEQ,
                  %s AS UPDATE_RULE,
                  %s AS DELETE_RULE,
                  con.conname AS FK_NAME, NULL AS PK_NAME,
                  CASE WHEN con.condeferred THEN 5 WHEN con.condeferrable THEN 6 ELSE 7 END AS DEFERRABILITY
                FROM pg_catalog.pg_constraint con
                JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid
                JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, pkattnum, seq)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                JOIN pg_catalog.pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.pkattnum
                WHERE con.contype = 'f' AND con.conparentid = 0 AND %s"""
                .formatted(rule("con.confupdtype"), rule("con.confdeltype"), tableFilter());
    }

    private String tableFilter() {
        return TABLE_FILTER.formatted(schemaArray);
    }

    private static String rule(String column) {
        return "CASE " + column + " WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'd' THEN 4 ELSE 3 END";
    }

    /**
     * An escape-string literal: means the same whatever standard_conforming_strings says. A dollar sign is
     * written as an escape too, so SchemaCrawler's {@code ${…}} template expansion never sees one.
     */
    static String literal(String value) {
        return "E'" + value.replace("\\", "\\\\").replace("'", "''").replace("$", "\\x24") + "'";
    }
}
