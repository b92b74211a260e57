package io.github.schemadrift.sql;

/** How {@link MigrationScript} wraps the fix statements. */
public enum ScriptStyle {
    /**
     * A Flyway versioned migration ({@code V<version>__<description>.sql}): no {@code BEGIN}/{@code COMMIT},
     * because Flyway runs each migration in a transaction of its own.
     */
    FLYWAY,
    /**
     * A script to run with psql or any SQL client: wrapped in {@code BEGIN}/{@code COMMIT} so that it
     * applies completely or not at all (unless the options ask for lock-aware statements, which need
     * transactions of their own; see {@link FixOptions#lockAware()}).
     */
    PLAIN
}
