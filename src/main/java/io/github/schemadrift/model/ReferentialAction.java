package io.github.schemadrift.model;

/**
 * What a foreign key does to the referencing rows when the referenced row is deleted: its
 * {@code ON DELETE} action.
 */
public enum ReferentialAction {

    /** Deleting a referenced row fails at the end of the statement (PostgreSQL's default). */
    NO_ACTION,

    /** Deleting a referenced row deletes the rows referencing it. */
    CASCADE,

    /** Deleting a referenced row sets the referencing columns to null. */
    SET_NULL,

    /** Deleting a referenced row sets the referencing columns to their defaults. */
    SET_DEFAULT,

    /** Deleting a referenced row fails at once, even in a deferred constraint. */
    RESTRICT
}
