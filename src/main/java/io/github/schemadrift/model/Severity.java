package io.github.schemadrift.model;

/** What a drift means for the application at run time, most serious first. */
public enum Severity {
    /** The application will fail or lose data: a missing table or column, a NOT NULL the model may write null into, an incompatible or narrower type. */
    ERROR,
    /** The application runs, but the database no longer guarantees what the model declares (e.g. nullable where the model says NOT NULL). */
    WARNING,
    /** Harmless: the database is wider than the model, or has a column the model does not map that fills itself. */
    INFO;

    /**
     * Whether this severity is at least as serious as {@code threshold}.
     *
     * @param threshold the severity to compare with
     * @return true when this is {@code threshold} or more serious
     */
    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }
}
