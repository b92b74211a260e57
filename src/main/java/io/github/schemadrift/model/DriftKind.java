package io.github.schemadrift.model;

/** The kinds of drift. Their names are part of the public contract: the JSON report uses them. */
public enum DriftKind {
    /** A table the model maps does not exist. */
    MISSING_TABLE,
    /** A column the model maps does not exist. */
    MISSING_COLUMN,
    /** The column exists, but accepts null where the model does not, or the reverse. */
    NULLABILITY_MISMATCH,
    /** The column's type differs from the model's. */
    TYPE_MISMATCH,
    /** Same type, different length, precision or scale. */
    SIZE_MISMATCH,
    /** The database has a column the model does not map. */
    UNMAPPED_COLUMN
}
