package io.github.schemadrift;

import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * When a check fails a build or a script: at drift of a least severity, or {@link #NEVER}. Shared by the
 * command line's {@code --fail-on} and the Maven goal's {@code failOn}, so both read the same words.
 */
public enum FailOn {
    /** Fail on ERROR drift only. */
    ERROR(Severity.ERROR),
    /** Fail on WARNING or ERROR drift; the default. */
    WARNING(Severity.WARNING),
    /** Fail on any drift. */
    INFO(Severity.INFO),
    /** Never fail on drift; only broken input fails. */
    NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /**
     * Reads the word a user wrote, in any case.
     *
     * @param value {@code error}, {@code warning}, {@code info} or {@code never}
     * @param input how the user gave it, for the message, e.g. {@code failOn}
     * @return the setting
     * @throws SchemaDriftInputException naming the allowed words when {@code value} is none of them
     */
    public static FailOn parse(String value, String input) {
        String word = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (FailOn candidate : values()) {
            if (candidate.name().equals(word)) {
                return candidate;
            }
        }
        throw new SchemaDriftInputException("Invalid value for " + input + ": expected one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT) + " but was '" + value + "'.");
    }

    /**
     * The least severity that fails.
     *
     * @return the severity, or empty for {@link #NEVER}
     */
    public Optional<Severity> threshold() {
        return Optional.ofNullable(threshold);
    }

    /**
     * Whether a report fails under this setting.
     *
     * @param report the report
     * @return true when it holds drift at or above the threshold; always false for {@link #NEVER}
     */
    public boolean fails(DriftReport report) {
        return threshold != null && report.hasDriftAtOrAbove(threshold);
    }
}
