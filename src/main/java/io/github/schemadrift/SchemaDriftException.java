package io.github.schemadrift;

import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.report.TextReport;

/** Thrown by {@link SchemaDrift#verify()} when the database has drifted; carries the whole report. */
public class SchemaDriftException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient DriftReport report;

    /**
     * An exception for this report.
     *
     * @param report the drift found
     * @param threshold the least severity that failed the check
     */
    public SchemaDriftException(DriftReport report, Severity threshold) {
        super("schema drift at or above " + threshold + ": " + TextReport.render(report));
        this.report = report;
    }

    /** @return the drift found */
    public DriftReport report() {
        return report;
    }
}
