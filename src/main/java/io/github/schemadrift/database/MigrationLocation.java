package io.github.schemadrift.database;

import io.github.schemadrift.SchemaDriftInputException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where migration scripts are: a directory, or a location string as Flyway writes it.
 *
 * <ul>
 *   <li>{@code db/migration} or {@code /abs/dir} — a directory on the file system;</li>
 *   <li>{@code filesystem:db/migration} — the same, in Flyway's spelling;</li>
 *   <li>{@code classpath:db/migration} — a folder inside the class loader's directories and jars.</li>
 * </ul>
 *
 * @param classpath whether {@link #path()} is a resource folder on the class loader, not a directory
 * @param path the directory, or the resource folder without leading or trailing {@code /}
 */
public record MigrationLocation(boolean classpath, String path) {

    private static final String CLASSPATH_PREFIX = "classpath:";
    private static final String FILESYSTEM_PREFIX = "filesystem:";

    /** Checks a path is given; resource folders are kept without surrounding slashes. Whether it exists is checked when the scripts are read. */
    public MigrationLocation {
        Objects.requireNonNull(path, "path");
        if (classpath) {
            path = path.replaceAll("^/+|/+$", "");
        }
    }

    /**
     * Reads a location as a user writes it.
     *
     * @param location a directory, {@code filesystem:DIR} or {@code classpath:FOLDER}
     * @return the location
     * @throws SchemaDriftInputException when the location is blank
     */
    public static MigrationLocation parse(String location) {
        if (location == null || location.isBlank()) {
            throw new SchemaDriftInputException("The migrations location is empty. Name a directory of *.sql files,"
                    + " filesystem:DIR or classpath:FOLDER.");
        }
        String trimmed = location.strip();
        if (trimmed.startsWith(CLASSPATH_PREFIX)) {
            return new MigrationLocation(true, trimmed.substring(CLASSPATH_PREFIX.length()));
        }
        if (trimmed.startsWith(FILESYSTEM_PREFIX)) {
            return new MigrationLocation(false, trimmed.substring(FILESYSTEM_PREFIX.length()));
        }
        return new MigrationLocation(false, trimmed);
    }

    /** @return the directory, made absolute against the working directory; only for file system locations */
    public Path directory() {
        if (classpath) {
            throw new IllegalStateException(this + " is not a directory");
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    /** @return the location in Flyway's spelling, {@code classpath:…} or {@code filesystem:/abs/dir} */
    String flywayLocation() {
        return classpath ? CLASSPATH_PREFIX + path : FILESYSTEM_PREFIX + directory();
    }

    /** @return the location as the user would recognise it */
    @Override
    public String toString() {
        return classpath ? CLASSPATH_PREFIX + path : directory().toString();
    }
}
