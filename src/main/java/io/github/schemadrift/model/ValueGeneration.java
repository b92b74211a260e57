package io.github.schemadrift.model;

/** How the database fills a column when an insert leaves it out. */
public enum ValueGeneration {
    /** Nothing fills it but a default expression, if any. */
    NONE,
    /** An identity column ({@code GENERATED … AS IDENTITY}), or a model id that Hibernate expects the database to generate. */
    IDENTITY,
    /** A generated (computed) column ({@code GENERATED ALWAYS AS (…) STORED}). */
    COMPUTED
}
