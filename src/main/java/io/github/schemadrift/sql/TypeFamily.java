package io.github.schemadrift.sql;

import java.util.Set;

/**
 * What kind of value a PostgreSQL type holds, as far as converting and backfilling goes. Types of one family
 * convert into each other by PostgreSQL's own casts; across families the fix SQL has to say how.
 */
enum TypeFamily {
    STRING, INTEGER, NUMERIC, FLOAT, BOOLEAN, TIMESTAMP, TIMESTAMPTZ, DATE, TIME, TIMETZ, INTERVAL, UUID, JSON,
    JSONB, BYTEA, OID, ARRAY, OTHER;

    private static final Set<String> STRINGS = Set.of("character varying", "character", "text", "citext", "name");

    static TypeFamily of(PostgresType type) {
        if (type.array()) {
            return ARRAY;
        }
        String name = type.name();
        if (STRINGS.contains(name)) {
            return STRING;
        }
        return switch (name) {
            case "smallint", "integer", "bigint" -> INTEGER;
            case "numeric" -> NUMERIC;
            case "real", "double precision" -> FLOAT;
            case "boolean" -> BOOLEAN;
            case "timestamp without time zone" -> TIMESTAMP;
            case "timestamp with time zone" -> TIMESTAMPTZ;
            case "date" -> DATE;
            case "time without time zone" -> TIME;
            case "time with time zone" -> TIMETZ;
            case "uuid" -> UUID;
            case "json" -> JSON;
            case "jsonb" -> JSONB;
            case "bytea" -> BYTEA;
            case "oid" -> OID;
            default -> name.startsWith("interval") ? INTERVAL : OTHER;
        };
    }

    /** Whether values are numbers, which PostgreSQL converts among themselves by assignment. */
    boolean numeric() {
        return this == INTEGER || this == NUMERIC || this == FLOAT;
    }

    /**
     * A value of this family to fill existing rows with, when the model gives none: obviously a placeholder,
     * and valid for every type of the family.
     *
     * @return the SQL expression, or {@code null} when no value is safe for every type of the family
     */
    String placeholder() {
        return switch (this) {
            case STRING -> "''";
            case INTEGER, NUMERIC, FLOAT -> "0";
            case BOOLEAN -> "false";
            case TIMESTAMP, TIMESTAMPTZ -> "now()";
            case DATE -> "CURRENT_DATE";
            case TIME, TIMETZ -> "'00:00'";
            case INTERVAL -> "'0'";
            case UUID -> "gen_random_uuid()";
            case JSON, JSONB -> "'{}'";
            case ARRAY -> "'{}'";
            case BYTEA -> "''";
            // an empty large object, so Hibernate reads an empty value rather than a dangling id
            case OID -> "lo_from_bytea(0, '')";
            case OTHER -> null;
        };
    }
}
