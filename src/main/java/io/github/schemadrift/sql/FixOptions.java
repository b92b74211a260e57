package io.github.schemadrift.sql;

import java.time.Duration;

/**
 * How the fix SQL is written.
 *
 * @param lockAware whether to write {@code SET NOT NULL} the way large, busy tables need it: a
 *     {@code CHECK (col IS NOT NULL) NOT VALID} constraint, validated without blocking reads and writes,
 *     lets {@code SET NOT NULL} skip its full-table scan under the exclusive lock (PostgreSQL 12+). The
 *     script then runs each statement in its own transaction, because one transaction would hold the
 *     first exclusive lock to the end
 * @param lockTimeout how long a statement may wait for its lock before failing (a {@code lock_timeout}
 *     preamble), so that a migration queued behind a long transaction does not block every query queued
 *     behind it; {@code null} for none
 * @param statementTimeout how long a statement may run ({@code statement_timeout}); {@code null} for none
 */
public record FixOptions(boolean lockAware, Duration lockTimeout, Duration statementTimeout) {

    /** Checks the timeouts are positive. */
    public FixOptions {
        requirePositive(lockTimeout, "lockTimeout");
        requirePositive(statementTimeout, "statementTimeout");
    }

    /**
     * Plain statements, no timeouts: right for small tables and for maintenance windows.
     *
     * @return the default options
     */
    public static FixOptions defaults() {
        return new FixOptions(false, null, null);
    }

    /**
     * Lock-aware statements with a lock timeout, for large tables in use.
     *
     * @param lockTimeout how long a statement may wait for its lock
     * @return the options
     */
    public static FixOptions lockAware(Duration lockTimeout) {
        return new FixOptions(true, lockTimeout, null);
    }

    /**
     * These options with a statement timeout.
     *
     * @param timeout how long a statement may run
     * @return new options
     */
    public FixOptions withStatementTimeout(Duration timeout) {
        return new FixOptions(lockAware, lockTimeout, timeout);
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.toMillis() == 0)) {
            throw new IllegalArgumentException(name + " must be at least one millisecond, or null for none: " + timeout);
        }
    }
}
