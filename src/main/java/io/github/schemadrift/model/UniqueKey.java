package io.github.schemadrift.model;

import java.util.List;

/**
 * A unique constraint: no two rows hold the same values in these columns.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param columns the constrained columns, in key order
 */
public record UniqueKey(String name, List<String> columns) {

    /** Copies the list. */
    public UniqueKey {
        columns = List.copyOf(columns);
    }
}
