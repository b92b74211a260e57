package io.github.schemadrift.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One column, as the model expects it or as the database has it.
 *
 * @param name the column name as PostgreSQL stores it
 * @param type the SQL type as its side spells it ({@code varchar(100)} from Hibernate,
 *     {@code character varying(100)} from the catalog); {@code io.github.schemadrift.sql.PostgresTypeRules} decides what is equal
 * @param nullable whether the column accepts null
 * @param defaultValue the default expression, or {@code null} when there is none
 * @param generation how the database generates the value, if it does
 * @param source the Java attribute behind an expected column; {@code null} for database columns
 */
public record Column(
        String name, String type, boolean nullable, String defaultValue, ValueGeneration generation, Source source) {

    /** Checks the required parts are present. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(generation, "generation");
    }

    /**
     * Whether an insert that leaves this column out succeeds as far as this column goes.
     *
     * @return true when the column is nullable, has a default, or is generated
     */
    public boolean fillsItself() {
        return nullable || defaultValue != null || generation != ValueGeneration.NONE;
    }

    /**
     * The column's type and nullability as one short phrase, e.g. {@code boolean not null}.
     *
     * @return the description used in reports
     */
    public String describe() {
        return type.toLowerCase(Locale.ROOT) + (nullable ? "" : " not null");
    }
}
