package io.github.schemadrift.database;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.Resource;
import io.github.classgraph.ScanResult;
import io.github.schemadrift.SchemaDriftInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Applies a folder of migration scripts to a database, the way the application's own deployment would:
 * scripts named the Flyway way ({@code V1__create_users.sql}, {@code V1.1__add_index.sql},
 * {@code R__views.sql}) through Flyway itself; otherwise every {@code *.sql} file (subfolders included), in
 * lexical order of its path, each statement through plain JDBC.
 *
 * <p>Meant for a throwaway database such as the {@link EmbeddedPostgres}: the scripts write, and Flyway
 * creates its {@code flyway_schema_history} table. A script that fails throws
 * {@link SchemaDriftInputException} naming the file and the line of the file PostgreSQL stopped at.
 *
 * <p>Flyway logs through SLF4J, like the embedded server's binary resolver: the application's binding decides
 * where its messages go, and without one they go nowhere. It never prints to the console itself.
 */
public final class Migrations {

    /** Flyway's default naming: versioned {@code V<version>__<description>.sql}, repeatable {@code R__<description>.sql}. */
    private static final Pattern FLYWAY_NAME = Pattern.compile("(V\\d+([._]\\d+)*|R)__.+\\.sql");
    private static final String WHAT_TO_DO = " The scripts ran on a throwaway embedded PostgreSQL, so nothing else was"
            + " changed: fix the script and run the check again.";

    private Migrations() {
    }

    /**
     * What {@link #apply} ran.
     *
     * @param location where the scripts came from
     * @param flyway whether Flyway applied them (Flyway naming), not plain JDBC
     * @param scripts the scripts' paths relative to the location, in the order they ran
     */
    public record Applied(MigrationLocation location, boolean flyway, List<String> scripts) {

        /** Copies the list. */
        public Applied {
            scripts = List.copyOf(scripts);
        }
    }

    /**
     * Applies every script of a location to a database.
     *
     * @param location where the scripts are
     * @param loader the class loader {@code classpath:} locations are read from
     * @param url the database's JDBC URL
     * @param user the user to run them as
     * @param password its password, or {@code null}
     * @return what ran
     * @throws SchemaDriftInputException when the location does not exist or holds no {@code *.sql} file, or a
     *     script fails (naming the file and line)
     */
    public static Applied apply(MigrationLocation location, ClassLoader loader, String url, String user, String password) {
        return apply(location, loader, url, user, password, null);
    }

    /**
     * Applies the scripts of a location up to a version, as Flyway's {@code target} does: to check the schema as
     * it was at an earlier migration (say, before the one that fixed a drift).
     *
     * @param location where the scripts are
     * @param loader the class loader {@code classpath:} locations are read from
     * @param url the database's JDBC URL
     * @param user the user to run them as
     * @param password its password, or {@code null}
     * @param target the last version to apply, e.g. {@code "1"} for {@code V1__…}; {@code null} for all
     * @return what ran
     * @throws SchemaDriftInputException as {@link #apply(MigrationLocation, ClassLoader, String, String, String)},
     *     and when a target is given for scripts not named the Flyway way, or no script has that version
     */
    public static Applied apply(MigrationLocation location, ClassLoader loader, String url, String user, String password,
            String target) {
        Objects.requireNonNull(location, "location");
        ClassLoader effectiveLoader = loader != null ? loader : Migrations.class.getClassLoader();
        List<Script> scripts = scriptsAt(location, effectiveLoader);
        List<String> flywayNamed = scripts.stream().map(Script::path).filter(Migrations::isFlywayName).toList();
        if (flywayNamed.isEmpty()) {
            if (target != null) {
                throw new SchemaDriftInputException("A migrations target (" + target + ") was given, but the scripts in "
                        + location + " are not named the Flyway way (V<version>__<description>.sql), so they have no"
                        + " versions to stop at. Rename them, or point at a folder holding only the scripts to apply.");
            }
            scripts.forEach(script -> runPlain(location, script, url, user, password));
            return new Applied(location, false, scripts.stream().map(Script::path).toList());
        }
        List<String> others = scripts.stream().map(Script::path).filter(path -> !isFlywayName(path)).toList();
        if (!others.isEmpty()) {
            // Flyway would skip these silently, and the check would then report drift the real deployment may not have.
            throw new SchemaDriftInputException("The migrations in " + location + " mix Flyway names (" + flywayNamed.get(0)
                    + ") with scripts Flyway would skip: " + String.join(", ", others) + ". Rename them to Flyway's"
                    + " V<version>__<description>.sql or R__<description>.sql, or remove the Flyway names so every"
                    + " *.sql file runs in lexical order.");
        }
        runFlyway(location, effectiveLoader, url, user, password, target);
        return new Applied(location, true, target == null ? flywayNamed
                : flywayNamed.stream().filter(path -> upTo(path, MigrationVersion.fromVersion(target))).toList());
    }

    /**
     * Lists the scripts of a location without running them, so a wrong location fails before a server is
     * started for it.
     *
     * @param location where the scripts are
     * @param loader the class loader {@code classpath:} locations are read from
     * @return the scripts' paths relative to the location, in lexical order
     * @throws SchemaDriftInputException when the location does not exist or holds no {@code *.sql} file
     */
    public static List<String> scripts(MigrationLocation location, ClassLoader loader) {
        return scriptsAt(location, loader != null ? loader : Migrations.class.getClassLoader()).stream()
                .map(Script::path).toList();
    }

    /**
     * Whether a script's file name follows Flyway's default naming.
     *
     * @param path the script's path or file name
     * @return true for {@code V1__x.sql}, {@code V1.2__x.sql}, {@code R__x.sql}
     */
    static boolean isFlywayName(String path) {
        return FLYWAY_NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    /** A script found at the location. */
    private record Script(String path, String content) {
    }

    private static List<Script> scriptsAt(MigrationLocation location, ClassLoader loader) {
        List<Script> scripts = location.classpath() ? classpathScripts(location, loader) : directoryScripts(location);
        if (scripts.isEmpty()) {
            throw new SchemaDriftInputException("The migrations location " + location + " holds no *.sql file."
                    + " Point it at the folder with the migration scripts (e.g. src/main/resources/db/migration).");
        }
        return scripts.stream().sorted(Comparator.comparing(Script::path)).toList();
    }

    private static List<Script> directoryScripts(MigrationLocation location) {
        Path directory = location.directory();
        if (!Files.isDirectory(directory)) {
            throw new SchemaDriftInputException("The migrations directory " + directory + (Files.exists(directory)
                    ? " is not a directory." : " does not exist.") + " Check the path (relative paths start at the"
                    + " working directory, " + Path.of("").toAbsolutePath() + ").");
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<Script> scripts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".sql") && Files.isRegularFile(f)).toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                scripts.add(new Script(relative, Files.readString(file, StandardCharsets.UTF_8)));
            }
            return scripts;
        } catch (IOException | UncheckedIOException e) {
            throw new SchemaDriftInputException("Could not read the migrations in " + directory + ": " + e
                    + ". Check that the files are readable UTF-8 text.", e);
        }
    }

    private static List<Script> classpathScripts(MigrationLocation location, ClassLoader loader) {
        try (ScanResult scan = new ClassGraph().overrideClassLoaders(loader).acceptPaths(location.path()).scan()) {
            List<Script> scripts = new ArrayList<>();
            for (Resource resource : scan.getResourcesWithExtension("sql")) {
                String relative = location.path().isEmpty() ? resource.getPath()
                        : resource.getPath().substring(location.path().length() + 1);
                scripts.add(new Script(relative, resource.getContentAsString()));
            }
            return scripts;
        } catch (IOException e) {
            throw new SchemaDriftInputException("Could not read the migrations in " + location + ": " + e
                    + ". Check that the class path's jars are readable.", e);
        }
    }

    /** Every statement on its own, in autocommit, as psql runs a file: CREATE INDEX CONCURRENTLY works too. */
    private static void runPlain(MigrationLocation location, Script script, String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (ScriptStatement sql : ScriptStatement.split(script.content())) {
                try {
                    statement.execute(sql.sql());
                } catch (SQLException e) {
                    int line = position(e).map(sql::lineAt).orElse(sql.line());
                    throw failed(location, script.path(), line, e);
                }
            }
        } catch (SQLException e) {
            throw new SchemaDriftInputException("Could not connect to " + JdbcConnections.withoutCredentials(url)
                    + " to apply " + script.path() + ": " + oneLine(e.getMessage()) + "." + WHAT_TO_DO, e);
        }
    }

    /** Whether a Flyway-named script runs when migrating up to a target: repeatables always do. */
    private static boolean upTo(String path, MigrationVersion target) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.startsWith("V")) {
            return true;
        }
        String version = name.substring(1, name.indexOf("__")).replace('_', '.');
        return MigrationVersion.fromVersion(version).compareTo(target) <= 0;
    }

    private static void runFlyway(MigrationLocation location, ClassLoader loader, String url, String user, String password,
            String target) {
        try {
            Flyway.configure(loader)
                    .dataSource(url, user, password)
                    .locations(location.flywayLocation())
                    .loggers("slf4j")
                    .validateMigrationNaming(true)
                    .target(target == null ? "latest" : target)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            Optional<FlywaySqlScriptException> scriptFailure = causes(e, FlywaySqlScriptException.class);
            if (scriptFailure.isPresent()) {
                FlywaySqlScriptException failure = scriptFailure.get();
                String sent = failure.getStatement() == null ? "" : failure.getStatement();
                // Flyway numbers a statement by its first token's line, but sends (and PostgreSQL positions in) the
                // text with its leading comments: find the line that text starts on.
                int leadingLines = ScriptStatement.split(sent).stream().findFirst().map(first -> first.line() - 1).orElse(0);
                ScriptStatement statement = new ScriptStatement(sent, Math.max(1, failure.getLineNumber() - leadingLines));
                SQLException sqlError = causes(failure, SQLException.class).orElse(null);
                int line = position(sqlError).map(statement::lineAt).orElse(statement.line());
                String file = failure.getResource() == null ? "a migration" : failure.getResource().getFilename();
                throw failed(location, file, line, sqlError != null ? sqlError : failure);
            }
            throw new SchemaDriftInputException("Flyway could not apply the migrations in " + location + ": "
                    + oneLine(e.getMessage()) + "." + WHAT_TO_DO, e);
        }
    }

    private static SchemaDriftInputException failed(MigrationLocation location, String file, int line, Exception e) {
        String message = e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getSeverity() + ": " + psql.getServerErrorMessage().getMessage()
                : e.getMessage();
        return new SchemaDriftInputException("Migration " + file + " (in " + location + ") failed at line " + line
                + ": " + oneLine(message) + "." + WHAT_TO_DO, e);
    }

    /** PostgreSQL's error position: 1-based, in characters of the statement it was sent. */
    private static Optional<Integer> position(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getPosition() > 0) {
                return Optional.of(server.getPosition());
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Optional<T> causes(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Messages become part of one paragraph: no line breaks, no trailing period doubled. */
    private static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("[.\\s]+$", "");
    }
}
