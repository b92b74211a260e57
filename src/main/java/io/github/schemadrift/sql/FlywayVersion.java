package io.github.schemadrift.sql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a Flyway versioned migration, {@code V<version>__<description>.sql}: numbers separated by
 * {@code .} or {@code _} ({@code 1}, {@code 1.1}, {@code 2_1}, {@code 20251028_120000}), ordered the way
 * Flyway orders them, number by number, a missing number counting as zero ({@code 1 = 1.0 < 1.1 < 1.10 < 2}).
 *
 * @param text the version as written in the file name, e.g. {@code 2_1}
 */
public record FlywayVersion(String text) implements Comparable<FlywayVersion> {

    /** Flyway's default versioned naming; its separator between version and description is two underscores. */
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)$");

    /** The version of a folder without versioned migrations' successor: {@code V1}. */
    public static final FlywayVersion FIRST = new FlywayVersion("1");

    /**
     * The version of a file name, if it names a versioned migration.
     *
     * @param fileName e.g. {@code V2_1__add_index.sql}
     * @return the version, or empty for other files ({@code R__views.sql}, {@code notes.txt})
     */
    public static Optional<FlywayVersion> ofFileName(String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        return matcher.matches() ? Optional.of(new FlywayVersion(matcher.group(1))) : Optional.empty();
    }

    /**
     * The version after this one, in the same shape: the last number plus one, keeping its zero padding and
     * the separators ({@code 1 → 2}, {@code 1.1 → 1.2}, {@code 2_9 → 2_10}, {@code 009 → 010},
     * {@code 20251028_120000 → 20251028_120001}). It sorts after this version and before any version whose
     * earlier numbers are larger, so a team's numbering scheme (plain counters, dotted, timestamps) is kept.
     *
     * @return the next version
     */
    public FlywayVersion next() {
        Matcher matcher = LAST_NUMBER.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("not a Flyway version: " + text);
        }
        String last = matcher.group(1);
        String incremented = new BigInteger(last).add(BigInteger.ONE).toString();
        String padded = "0".repeat(Math.max(0, last.length() - incremented.length())) + incremented;
        return new FlywayVersion(text.substring(0, matcher.start(1)) + padded);
    }

    /**
     * The file name of a migration with this version.
     *
     * @param description e.g. {@code fix_schema_drift}
     * @return e.g. {@code V2__fix_schema_drift.sql}
     */
    public String fileName(String description) {
        return "V" + text + "__" + description + ".sql";
    }

    @Override
    public int compareTo(FlywayVersion other) {
        List<BigInteger> mine = numbers();
        List<BigInteger> theirs = other.numbers();
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            BigInteger a = i < mine.size() ? mine.get(i) : BigInteger.ZERO;
            BigInteger b = i < theirs.size() ? theirs.get(i) : BigInteger.ZERO;
            int compared = a.compareTo(b);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    private List<BigInteger> numbers() {
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : text.split("[._]")) {
            numbers.add(new BigInteger(part));
        }
        return numbers;
    }

    @Override
    public String toString() {
        return text;
    }
}
