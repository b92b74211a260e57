package io.github.schemadrift.sql;

/** How the database's column type relates to the model's, by the rules in {@link PostgresTypeRules}. */
public enum TypeComparison {
    /** The same type, aliases and defaults resolved. */
    SAME,
    /** Same type; the database's length, precision or scale holds every value the model's does, and more. */
    SIZE_WIDER,
    /** Same type; the database's length, precision or scale rejects or rounds values the model accepts. */
    SIZE_NARROWER,
    /** A different type that holds every value the model's does ({@code bigint} for {@code integer}, {@code text} for {@code varchar(n)}). */
    TYPE_WIDER,
    /** A different type that cannot hold the model's values, or holds them differently. */
    TYPE_INCOMPATIBLE;

    /** @return whether the database is narrower or incompatible: the application fails or loses data */
    public boolean harmful() {
        return this == SIZE_NARROWER || this == TYPE_INCOMPATIBLE;
    }
}
