package io.github.schemadrift;

import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.sql.FlywayVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The migration that repairs a report's ERROR and WARNING drift, as {@link SchemaDrift#fixMigration()}
 * wrote it, and where to save it.
 *
 * @param report the drift it was written from; each fixed drift's statements are in {@link #script()}
 * @param script the Flyway-style script (no {@code BEGIN}/{@code COMMIT}); a header alone when nothing needs fixing
 */
public record FixMigration(DriftReport report, String script) {

    /** The description part of the file name: {@code V<next>__fix_schema_drift.sql}. */
    public static final String DESCRIPTION = "fix_schema_drift";

    /**
     * Whether the script repairs anything: at least one drift has a fix. INFO drift never has one.
     *
     * @return true when the script holds statements
     */
    public boolean hasFixes() {
        return fixedDrifts() > 0;
    }

    /**
     * The number of drifts the script repairs.
     *
     * @return how many drifts have statements in it
     */
    public int fixedDrifts() {
        return report.drifts(drift -> !report.fixFor(drift).isEmpty()).size();
    }

    /**
     * Writes the script to a file, creating its folder; also when there is nothing to fix, so the file always
     * shows the latest run.
     *
     * @param file e.g. {@code target/schemadrift/fix.sql}
     * @return the file
     * @throws SchemaDriftInputException when the file cannot be written
     */
    public Path writeTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, script);
        } catch (IOException e) {
            throw new SchemaDriftInputException("Cannot write the fix script to " + file + ": " + e.getMessage()
                    + ". Check that the folder is writable.", e);
        }
    }

    /**
     * Saves the script as the next versioned migration in a Flyway migrations folder:
     * {@code V<next>__fix_schema_drift.sql}, where {@code <next>} is {@link FlywayVersion#next()} of the highest
     * {@code V<version>__*.sql} in the folder or its subfolders (Flyway reads both), or {@code 1} when there is
     * none. Nothing is written when there is nothing to fix: an empty migration would only add a version.
     *
     * @param folder the migrations folder, e.g. {@code src/main/resources/db/migration}; must exist
     * @return the file written, or empty when there was nothing to fix
     * @throws SchemaDriftInputException when the folder does not exist or cannot be read or written
     */
    public Optional<Path> writeAsNextMigrationIn(Path folder) {
        Path file = folder.resolve(nextVersionIn(folder).fileName(DESCRIPTION));
        if (!hasFixes()) {
            return Optional.empty();
        }
        return Optional.of(writeTo(file));
    }

    /**
     * The version a new migration in a folder gets: one past the highest versioned migration there.
     *
     * @param folder a Flyway migrations folder
     * @return the next version, {@link FlywayVersion#FIRST} when the folder has no versioned migration
     * @throws SchemaDriftInputException when the folder does not exist or cannot be read
     */
    public static FlywayVersion nextVersionIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new SchemaDriftInputException("The migrations folder " + folder.toAbsolutePath().normalize()
                    + " does not exist. Name the folder that holds the V<version>__*.sql migrations (relative paths"
                    + " start at the project's folder).");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<FlywayVersion> versions = files.filter(Files::isRegularFile)
                    .map(path -> FlywayVersion.ofFileName(path.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .toList();
            return versions.stream().max(Comparator.naturalOrder()).map(FlywayVersion::next).orElse(FlywayVersion.FIRST);
        } catch (IOException | UncheckedIOException e) {
            throw new SchemaDriftInputException("Cannot read the migrations folder " + folder + ": " + e.getMessage()
                    + ". Check that it is readable.", e);
        }
    }
}
